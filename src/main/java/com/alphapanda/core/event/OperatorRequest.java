package com.alphapanda.core.event;

import java.util.Objects;

/** Marks a signal as an operator's action rather than a strategy's: who asked for it and why. */
public record OperatorRequest(String requestedBy, String reason) {

    public OperatorRequest {
        Objects.requireNonNull(requestedBy, "requested_by");
        Objects.requireNonNull(reason, "reason");
    }
}
