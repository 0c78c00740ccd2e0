package com.alphapanda.execution.zerodha;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Kite login: the login URL, the exchange of a {@code request_token} for an access token
 * ({@code POST /session/token} with checksum SHA-256(api_key + request_token + api_secret)), and an access token given
 * directly. The session is stored encrypted; neither the token nor the secret is ever returned or logged.
 */
public final class ZerodhaLogin {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{6,128}");

    private final ZerodhaProperties properties;
    private final KiteHttp kite;
    private final KiteSessions sessions;
    private final LoginState states;

    ZerodhaLogin(ZerodhaProperties properties, KiteHttp kite, KiteSessions sessions, LoginState states) {
        this.properties = properties;
        this.kite = kite;
        this.sessions = sessions;
        this.states = states;
    }

    /** A login for commands run outside the platform (the CLI), on the platform's database. */
    public static ZerodhaLogin standalone(ZerodhaProperties properties, JdbcClient jdbc) {
        requireCredentials(properties);
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
        return new ZerodhaLogin(properties, new KiteHttp(http, properties.apiUrl(), properties.apiKey(),
                properties.requestTimeout()), new KiteSessions(properties, jdbc, clock),
                new LoginState(properties.apiSecret(), clock));
    }

    /** Who is logged in, and until when. */
    public record Session(String userId, Instant expiresAt) {
    }

    /** The session as the health endpoint and the API show it: never the token. */
    public record Status(boolean active, String userId, Instant expiresAt, String reason,
                         boolean liveTradingEnabled) {
    }

    public Status status() {
        return switch (sessions.state()) {
            case SessionState.Active a -> new Status(true, a.userId(), a.expiresAt(), null,
                    properties.liveTradingEnabled());
            case SessionState.Unavailable u -> new Status(false, null, null, u.reason(),
                    properties.liveTradingEnabled());
        };
    }

    /** Kite's login page for this app. */
    public URI loginUrl() {
        requireCredentials(properties);
        return URI.create(properties.loginUrl() + "?v=3&api_key=" + properties.apiKey());
    }

    /** The login page with a one-time {@code state} that the API callback verifies (echoed back by Kite). */
    public URI loginUrlWithState() {
        requireCredentials(properties);
        String redirectParams = "state=" + states.issue();
        return URI.create(loginUrl() + "&redirect_params=" + URLEncoder.encode(redirectParams, StandardCharsets.UTF_8));
    }

    /** Verifies a callback's {@code state} (from {@link #loginUrlWithState()}) and completes the login. */
    public Session completeCallback(String requestToken, String state) {
        if (!states.verify(state)) {
            throw new ZerodhaLoginException("the login's state is missing, forged or older than 15 minutes: "
                    + "start again from POST /api/v1/zerodha/login", false);
        }
        return complete(requestToken);
    }

    /** Exchanges a request token, or the full redirect URL that carries it, for a stored session. */
    public Session complete(String requestTokenOrRedirectUrl) {
        requireCredentials(properties);
        String requestToken = requestToken(requestTokenOrRedirectUrl);
        KiteResult result = kite.post("session/token", Map.of("api_key", properties.apiKey(),
                "request_token", requestToken,
                "checksum", KiteChecksums.session(properties.apiKey(), requestToken, properties.apiSecret())), null);
        JsonNode data = success(result, "exchanging the request token");
        String userId = data.path("user_id").asString("");
        String accessToken = data.path("access_token").asString("");
        if (userId.isBlank() || !TOKEN.matcher(accessToken).matches()) {
            throw new ZerodhaLoginException("Kite's session answer has no user_id or access_token", false);
        }
        return new Session(userId, sessions.save(userId, accessToken, "request_token"));
    }

    /** Stores an access token obtained elsewhere, after Kite confirms it ({@code GET /user/profile}). */
    public Session acceptAccessToken(String accessToken) {
        requireCredentials(properties);
        if (accessToken == null || !TOKEN.matcher(accessToken).matches()) {
            throw new ZerodhaLoginException("an access token is 6-128 letters or digits", false);
        }
        JsonNode profile = success(kite.get("user/profile", accessToken), "checking the access token");
        String userId = profile.path("user_id").asString("");
        if (userId.isBlank()) {
            throw new ZerodhaLoginException("Kite's profile answer has no user_id", false);
        }
        return new Session(userId, sessions.save(userId, accessToken, "access_token"));
    }

    static String requestToken(String input) {
        String value = input == null ? "" : input.trim();
        if (value.contains("request_token=")) {
            String query = value.contains("?") ? value.substring(value.indexOf('?') + 1) : value;
            Optional<String> found = Arrays.stream(query.split("&"))
                    .filter(p -> p.startsWith("request_token="))
                    .map(p -> URLDecoder.decode(p.substring("request_token=".length()), StandardCharsets.UTF_8))
                    .findFirst();
            value = found.orElse("");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new ZerodhaLoginException("expected a request token (6-128 letters or digits) or the redirect URL "
                    + "that carries it (…?request_token=…&status=success)", false);
        }
        return value;
    }

    private static JsonNode success(KiteResult result, String what) {
        return switch (result) {
            case KiteResult.Ok ok -> ok.data();
            case KiteResult.Refused refused -> throw new ZerodhaLoginException("Kite refused " + what + ": "
                    + refused.message() + " (" + refused.error() + ", HTTP " + refused.httpStatus() + ")", false);
            case KiteResult.Ambiguous ambiguous -> throw new ZerodhaLoginException("Kite did not answer " + what
                    + ": " + ambiguous.message(), true);
        };
    }

    private static void requireCredentials(ZerodhaProperties properties) {
        if (!properties.hasCredentials()) {
            throw new ZerodhaLoginException("set alpha-panda.zerodha.api-key and api-secret first (environment "
                    + "ALPHA_PANDA_ZERODHA_API_KEY and ALPHA_PANDA_ZERODHA_API_SECRET)", false);
        }
    }
}
