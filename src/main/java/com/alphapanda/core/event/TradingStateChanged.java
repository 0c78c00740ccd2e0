package com.alphapanda.core.event;

import java.time.Instant;
import java.util.Objects;

/** The trading state of a broker changed: who changed it, when and why. */
public record TradingStateChanged(
        Broker broker,
        TradingState state,
        TradingState previousState,
        String reason,
        String changedBy,
        Instant changedAt) implements ControlEvent {

    public TradingStateChanged {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changed_by");
        Objects.requireNonNull(changedAt, "changed_at");
    }

    @Override
    public String partitionKey() {
        return broker.id();
    }

    @Override
    public Instant eventTime() {
        return changedAt;
    }
}
