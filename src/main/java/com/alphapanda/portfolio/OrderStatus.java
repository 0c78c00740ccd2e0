package com.alphapanda.portfolio;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** The status of an order as derived from its events. */
public enum OrderStatus {
    OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, FAILED;

    /** Reason codes of an order ended by a cancellation rather than a failure. */
    static final Set<String> CANCELLATION_CODES = Set.of("CANCELLED", "IOC_REMAINDER_CANCELLED");

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A failure event ends an order (expired, cancelled or failed, whatever it had filled before); otherwise the
     * filled quantity decides. {@code quantity} is null while the submission has not been seen yet.
     */
    static OrderStatus derive(Long quantity, long filled, String failureCode) {
        if (failureCode != null) {
            if ("EXPIRED".equals(failureCode)) {
                return EXPIRED;
            }
            return CANCELLATION_CODES.contains(failureCode) ? CANCELLED : FAILED;
        }
        if (quantity != null && filled >= quantity) {
            return FILLED;
        }
        return filled > 0 ? PARTIALLY_FILLED : OPEN;
    }
}
