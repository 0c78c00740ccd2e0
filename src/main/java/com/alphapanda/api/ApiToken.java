package com.alphapanda.api;

import java.time.Instant;
import java.util.UUID;

/** A stored API token (never its secret): who it is for, its role, and its validity. */
public record ApiToken(UUID id, String name, ApiRole role, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
