package com.alphapanda.api;

import com.alphapanda.core.id.EventId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API bearer tokens, stored as SHA-256 hashes in {@code api_tokens}: a token is shown once, when it is created, and
 * can never be read back. Tokens are 256-bit random values, so a fast hash is enough (nothing to brute-force).
 */
public class ApiTokens {

    private static final String PREFIX = "ap_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    /** The longest validity a token may have: ten years. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(3650);
    private static final String COLUMNS = "id, name, role, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token just created: the only moment its secret is known. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    /** Creates a token; {@code validFor} null means it never expires. */
    public CreatedToken create(String name, ApiRole role, Duration validFor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("token name must be 1-100 characters");
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("token validity must be positive, was " + validFor);
        }
        if (validFor != null && validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("token validity must be at most " + MAX_VALIDITY.toDays()
                    + " days (omit it for a token that never expires)");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new CreatedToken(insert(name.strip(), role, secret, validFor), secret);
    }

    /** Makes sure a token with exactly this secret exists as an active admin token (the bootstrap token). */
    public void ensureAdmin(String name, String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a bootstrap token needs at least 16 characters");
        }
        jdbc.sql("INSERT INTO api_tokens (id, name, token_hash, role) VALUES (:id, :name, :hash, 'admin') "
                        + "ON CONFLICT (token_hash) DO UPDATE SET role = 'admin', revoked_at = NULL, expires_at = NULL")
                .param("id", EventId.next().value()).param("name", name).param("hash", hash(secret)).update();
    }

    /** The active token with this secret, recording its use. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = :hash")
                .param("hash", hash(secret)).query(ApiTokens::map).optional().filter(t -> t.isActiveAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now))
                .ifPresent(t -> jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                        .param("now", Timestamp.from(now)).param("id", t.id()).update());
        return token;
    }

    public List<ApiToken> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at, id").query(ApiTokens::map).list();
    }

    /** Revokes a token; false when there is no such (active) token. */
    public boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update() == 1;
    }

    public boolean hasActiveAdmin() {
        return jdbc.sql("SELECT count(*) FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > :now)")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    private ApiToken insert(String name, ApiRole role, String secret, Duration validFor) {
        UUID id = EventId.next().value();
        Instant expires = validFor == null ? null : clock.instant().plus(validFor);
        jdbc.sql("INSERT INTO api_tokens (id, name, token_hash, role, created_at, expires_at) "
                        + "VALUES (:id, :name, :hash, :role, :created, :expires)")
                .param("id", id).param("name", name).param("hash", hash(secret)).param("role", role.id())
                .param("created", Timestamp.from(clock.instant()))
                .param("expires", expires == null ? null : Timestamp.from(expires)).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE id = :id").param("id", id)
                .query(ApiTokens::map).single();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), ApiRole.fromId(rs.getString("role")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
