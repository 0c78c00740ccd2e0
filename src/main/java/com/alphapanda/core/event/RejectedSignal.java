package com.alphapanda.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signal that failed one or more risk rules. {@code rejectionReason} joins the failed rules' messages as the
 * reference does ({@code "{Rule}: {reason}"} separated by {@code "; "}); {@code reasonCodes} are their stable codes.
 */
public record RejectedSignal(
        TradingSignal originalSignal,
        String rejectionReason,
        List<String> reasonCodes,
        Map<String, Boolean> riskChecks,
        Instant timestamp) implements RiskDecisionEvent {

    public RejectedSignal {
        Objects.requireNonNull(originalSignal, "original_signal");
        Objects.requireNonNull(rejectionReason, "rejection_reason");
        Objects.requireNonNull(timestamp, "timestamp");
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        // sorted, so the JSON is the same bytes in every JVM (Map.copyOf iterates in a per-JVM random order)
        riskChecks = riskChecks == null ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.copyOf(riskChecks)));
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
