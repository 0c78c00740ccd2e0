package com.alphapanda.execution.zerodha;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Kite session, encrypted in {@code zerodha_sessions} (one row per API key): saved by a login, read by everything
 * that calls Kite, invalidated when Kite refuses the token. Whether it is usable is decided here, with the clock.
 */
final class KiteSessions {

    static final String LOGIN_HINT = "log in with './alpha-panda zerodha login' (or POST /api/v1/zerodha/login)";

    private final ZerodhaProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SessionCipher cipher;

    KiteSessions(ZerodhaProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = properties.hasCredentials() ? new SessionCipher(properties.apiKey(), properties.apiSecret()) : null;
    }

    /** Stores a new session (replacing the previous one); returns its expiry. */
    Instant save(String userId, String accessToken, String loginMethod) {
        Instant now = clock.instant();
        Instant expires = KiteSessionExpiry.after(now);
        jdbc.sql("""
                INSERT INTO zerodha_sessions (api_key, user_id, access_token, login_method, logged_in_at, expires_at)
                VALUES (:key, :user, :token, :method, :now, :expires)
                ON CONFLICT (api_key) DO UPDATE SET user_id = EXCLUDED.user_id, access_token = EXCLUDED.access_token,
                    login_method = EXCLUDED.login_method, logged_in_at = EXCLUDED.logged_in_at,
                    expires_at = EXCLUDED.expires_at, invalidated_at = NULL, invalid_reason = NULL""")
                .param("key", properties.apiKey()).param("user", userId).param("token", cipher.encrypt(accessToken))
                .param("method", loginMethod).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .update();
        return expires;
    }

    /** Marks the session unusable (Kite refused its token), so nothing is sent with it again until a new login. */
    void invalidate(String accessToken, String reason) {
        current().filter(row -> accessToken.equals(decryptOrNull(row.token())))
                .ifPresent(row -> jdbc.sql("""
                        UPDATE zerodha_sessions SET invalidated_at = :now, invalid_reason = :reason
                        WHERE api_key = :key AND invalidated_at IS NULL""")
                        .param("now", Timestamp.from(clock.instant())).param("reason", reason)
                        .param("key", properties.apiKey()).update());
    }

    SessionState state() {
        if (!properties.hasCredentials()) {
            return new SessionState.Unavailable("alpha-panda.zerodha.api-key and api-secret are not set "
                    + "(environment ALPHA_PANDA_ZERODHA_API_KEY, ALPHA_PANDA_ZERODHA_API_SECRET)");
        }
        Optional<Row> row = current();
        if (row.isEmpty()) {
            return new SessionState.Unavailable("no Kite session: " + LOGIN_HINT);
        }
        Row r = row.get();
        if (r.invalidReason() != null) {
            return new SessionState.Unavailable("Kite refused the access token of user " + r.userId() + " ("
                    + r.invalidReason() + "): " + LOGIN_HINT);
        }
        if (!clock.instant().isBefore(r.expiresAt())) {
            return new SessionState.Unavailable("the Kite session of user " + r.userId() + " expired at "
                    + r.expiresAt() + " (06:00 IST): " + LOGIN_HINT);
        }
        try {
            return new SessionState.Active(r.userId(), cipher.decrypt(r.token()), r.expiresAt());
        } catch (IllegalArgumentException e) {
            return new SessionState.Unavailable(e.getMessage() + ": " + LOGIN_HINT);
        }
    }

    private String decryptOrNull(byte[] token) {
        try {
            return cipher.decrypt(token);
        } catch (IllegalArgumentException e) {
            return null; // sealed with another key: not the session whose token Kite refused
        }
    }

    private Optional<Row> current() {
        return jdbc.sql("""
                SELECT user_id, access_token, expires_at, invalid_reason FROM zerodha_sessions WHERE api_key = :key""")
                .param("key", properties.apiKey())
                .query((rs, n) -> new Row(rs.getString("user_id"), rs.getBytes("access_token"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getString("invalid_reason")))
                .optional();
    }

    private record Row(String userId, byte[] token, Instant expiresAt, String invalidReason) {
    }
}
