package com.alphapanda.operator;

import java.util.Objects;

/**
 * Who asks for an operator action, why, and the correlation id its events carry (null: a new one).
 *
 * @param requestedBy the API token's name
 * @param reason      1-500 characters, recorded in every event the action causes
 */
public record OperatorRequestContext(String requestedBy, String reason, String correlationId) {

    public static final int MAX_REASON = 500;

    public OperatorRequestContext {
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("field 'reason' must be 1-" + MAX_REASON + " characters");
        }
        reason = reason.strip();
    }
}
