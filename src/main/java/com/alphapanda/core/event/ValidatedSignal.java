package com.alphapanda.core.event;

import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/** A signal that passed every risk rule. {@code riskChecks} maps each rule's name to whether it passed, in name order
 * (so the JSON form is deterministic). */
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
        riskChecks = riskChecks == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(riskChecks));
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
