package com.alphapanda.marketfeed;

import java.net.URI;
import java.util.Objects;

/**
 * How the {@code kite} feed reaches KiteTicker: the WebSocket URI with the API key and the current access token, or
 * why there is none (no Kite session). Provided by the Zerodha broker, which owns the session.
 */
public interface KiteTickerAccess {

    Access access();

    /** A URI to connect to ({@code reason} null), or the reason there is none ({@code uri} null). */
    record Access(URI uri, String reason) {
        public Access {
            if ((uri == null) == (reason == null)) {
                throw new IllegalArgumentException("either a URI or a reason");
            }
        }

        public static Access of(URI tickerUrl, String apiKey, String accessToken) {
            Objects.requireNonNull(accessToken, "access_token");
            String base = tickerUrl.toString();
            return new Access(URI.create(base + (base.contains("?") ? "&" : "?") + "api_key=" + apiKey
                    + "&access_token=" + accessToken), null);
        }

        public static Access unavailable(String reason) {
            return new Access(null, reason);
        }

        /** Never the token: the URI without its query. */
        @Override
        public String toString() {
            return uri == null ? "Access[unavailable: " + reason + "]"
                    : "Access[" + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + "]";
        }
    }
}
