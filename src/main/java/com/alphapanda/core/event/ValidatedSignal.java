package com.alphapanda.core.event;

import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A signal that passed every risk rule. {@code riskChecks} maps each rule's name to whether it passed. */
public record ValidatedSignal(
        TradingSignal originalSignal,
        Quantity validatedQuantity,
        Price validatedPrice,
        Map<String, Boolean> riskChecks,
        Instant timestamp) implements RiskDecisionEvent {

    public ValidatedSignal {
        Objects.requireNonNull(originalSignal, "original_signal");
        Objects.requireNonNull(validatedQuantity, "validated_quantity");
        Objects.requireNonNull(timestamp, "timestamp");
        // sorted, so the JSON is the same bytes in every JVM (Map.copyOf iterates in a per-JVM random order)
        riskChecks = riskChecks == null ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.copyOf(riskChecks)));
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
