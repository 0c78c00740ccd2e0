package com.alphapanda.execution.zerodha;

import com.alphapanda.core.platform.CrossCheckedProperties;
import com.alphapanda.core.platform.InvalidConfigurationException;
import com.alphapanda.core.platform.PlatformProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Zerodha Kite Connect under {@code alpha-panda.zerodha}. The API key, secret and (optional) access token come from
 * the environment ({@code ALPHA_PANDA_ZERODHA_API_KEY}, {@code ALPHA_PANDA_ZERODHA_API_SECRET},
 * {@code ALPHA_PANDA_ZERODHA_ACCESS_TOKEN}); the secret and the token never appear in {@link #toString()}.
 *
 * @param apiKey                 the Kite Connect app's API key
 * @param apiSecret              the app's API secret (checksums; the key that encrypts the stored session)
 * @param accessToken            an access token obtained elsewhere, for unattended runs (valid until 06:00 IST)
 * @param apiUrl                 Kite's REST base URL
 * @param loginUrl               Kite's login page
 * @param tickerUrl              KiteTicker's WebSocket URL
 * @param algoId                 the exchange-assigned algo identifier sent on every order, when set
 * @param reconciliationInterval how often orders and positions are compared with Kite's
 * @param liveTradingEnabled     false (default): every zerodha signal is refused, nothing is sent to Kite
 * @param marketProtection       Kite's {@code market_protection} on MARKET and SL-M orders: -1 (Kite's automatic
 *                               protection) or a percentage 1-100; 0 (none) is refused by the exchange
 * @param requestTimeout         timeout of one REST call
 * @param product                the Kite product of orders: CNC (delivery), MIS (intraday) or NRML
 * @param onDrift                the trading state set when reconciliation finds drift: HALTED or REDUCING
 */
@Validated
@ConfigurationProperties("alpha-panda.zerodha")
public record ZerodhaProperties(
        @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "is 1-64 letters or digits") String apiKey,
        String apiSecret,
        String accessToken,
        @NotNull @DefaultValue("https://api.kite.trade") URI apiUrl,
        @NotNull @DefaultValue("https://kite.zerodha.com/connect/login") URI loginUrl,
        @NotNull @DefaultValue("wss://ws.kite.trade") URI tickerUrl,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is 1-64 letters, digits, '_' or '-'") String algoId,
        @NotNull @DefaultValue("5m") Duration reconciliationInterval,
        @DefaultValue("false") boolean liveTradingEnabled,
        @DefaultValue("-1") int marketProtection,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("CNC") Product product,
        @NotNull @DefaultValue("HALTED") com.alphapanda.core.event.TradingState onDrift)
        implements CrossCheckedProperties {

    private static final String PREFIX = "alpha-panda.zerodha.";
    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,128}");

    /** Kite's order products. */
    public enum Product {
        CNC, MIS, NRML
    }

    public ZerodhaProperties {
        apiKey = blankToNull(apiKey);
        apiSecret = blankToNull(apiSecret);
        accessToken = blankToNull(accessToken);
        algoId = blankToNull(algoId);
    }

    @Override
    public void check(PlatformProperties platform) {
        requireScheme("api-url", apiUrl, Set.of("http", "https"));
        requireScheme("login-url", loginUrl, Set.of("http", "https"));
        requireScheme("ticker-url", tickerUrl, Set.of("ws", "wss"));
        if (marketProtection != -1 && (marketProtection < 1 || marketProtection > 100)) {
            throw new InvalidConfigurationException(PREFIX + "market-protection", String.valueOf(marketProtection),
                    "-1 (automatic) or a percentage from 1 to 100");
        }
        if (reconciliationInterval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new InvalidConfigurationException(PREFIX + "reconciliation-interval",
                    reconciliationInterval.toString(), "at least 10s");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.toSeconds() > 120) {
            throw new InvalidConfigurationException(PREFIX + "request-timeout", requestTimeout.toString(),
                    "a duration from 1ms to 120s");
        }
        if (apiSecret != null && !SECRET.matcher(apiSecret).matches()) {
            throw new InvalidConfigurationException(PREFIX + "api-secret", "(hidden)", "1-128 letters or digits");
        }
        if (accessToken != null && !SECRET.matcher(accessToken).matches()) {
            throw new InvalidConfigurationException(PREFIX + "access-token", "(hidden)", "1-128 letters or digits");
        }
        if (onDrift == com.alphapanda.core.event.TradingState.ACTIVE) {
            throw new InvalidConfigurationException(PREFIX + "on-drift", "active", "halted or reducing");
        }
        if ((apiKey == null) != (apiSecret == null)) {
            throw new InvalidConfigurationException(PREFIX + (apiKey == null ? "api-key" : "api-secret"), null,
                    "both api-key and api-secret, or neither");
        }
    }

    /** Whether an API key and secret are configured. */
    public boolean hasCredentials() {
        return apiKey != null && apiSecret != null;
    }

    private static void requireScheme(String name, URI uri, Set<String> schemes) {
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                || uri.getHost() == null) {
            throw new InvalidConfigurationException(PREFIX + name, uri.toString(),
                    "an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "ZerodhaProperties[apiKey=" + apiKey + ", apiSecret=" + (apiSecret == null ? "unset" : "***")
                + ", accessToken=" + (accessToken == null ? "unset" : "***") + ", apiUrl=" + apiUrl
                + ", loginUrl=" + loginUrl + ", tickerUrl=" + tickerUrl + ", algoId=" + algoId
                + ", reconciliationInterval=" + reconciliationInterval + ", liveTradingEnabled=" + liveTradingEnabled
                + ", marketProtection=" + marketProtection + ", requestTimeout=" + requestTimeout
                + ", product=" + product + ", onDrift=" + onDrift + "]";
    }
}
