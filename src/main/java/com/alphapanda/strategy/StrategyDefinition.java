package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code strategy_configurations}: which strategy type runs under which id, on which instruments, with
 * which parameters, and on which brokers its signals are published (several at once are allowed).
 */
public record StrategyDefinition(StrategyId id, String type, List<InstrumentToken> instruments,
                                 Map<String, Object> parameters, boolean active, List<Broker> targetBrokers) {

    public StrategyDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "strategy_type");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("strategy " + id + " has no instruments");
        }
        if (instruments.size() > StrategyLimits.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("strategy " + id + " has " + instruments.size()
                    + " instruments, at most " + StrategyLimits.MAX_INSTRUMENTS + " are allowed");
        }
        instruments = List.copyOf(instruments.stream().distinct().toList());
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
        targetBrokers = List.copyOf(targetBrokers.stream().distinct().sorted().toList());
        if (targetBrokers.isEmpty()) {
            throw new IllegalArgumentException("strategy " + id + " has no target broker");
        }
    }

    /** Whether a reload can keep this strategy's indicator state: same type and same parameters. */
    boolean sameLogicAs(StrategyDefinition other) {
        return other != null && type.equals(other.type) && parameters.equals(other.parameters);
    }
}
