package com.alphapanda.strategy;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies that run and the instrument → strategies routing (O(1) per tick). A reload builds a new immutable
 * routing and swaps it in atomically; a strategy whose type and parameters did not change keeps its instance and so
 * its indicator state. Rejected configurations never affect the others.
 */
final class StrategyRoster {

    private final StrategyCatalog catalog;
    private volatile Map<InstrumentToken, List<StrategyInstance<?>>> routing = Map.of();
    private volatile Map<StrategyId, StrategyInstance<?>> instances = Map.of();

    StrategyRoster(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    /** What a reload did. */
    record Report(int active, List<String> rejected, List<String> notes) {
    }

    /** The strategies trading this instrument (never null). */
    List<StrategyInstance<?>> interestedIn(InstrumentToken token) {
        return routing.getOrDefault(token, List.of());
    }

    /** Every instrument some running strategy trades. */
    java.util.Set<InstrumentToken> instruments() {
        return routing.keySet();
    }

    /** Whether this instance currently runs the strategy (loaded, valid and active). */
    boolean runs(StrategyId id) {
        return instances.containsKey(id);
    }

    int activeCount() {
        return instances.size();
    }

    synchronized Report apply(List<StrategyStore.Row> rows) {
        Map<StrategyId, StrategyInstance<?>> next = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StrategyStore.Row row : rows) {
            if (row.definition() == null) {
                rejected.add(row.problem());
            } else if (row.definition().active()) {
                try {
                    next.put(row.definition().id(), instanceFor(row.definition(), notes));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    rejected.add(e instanceof InvalidStrategyException ? e.getMessage()
                            : "strategy '" + row.id() + "' rejected: " + e.getMessage());
                }
            }
        }
        instances = Map.copyOf(next);
        routing = route(next.values());
        return new Report(next.size(), rejected, notes);
    }

    private StrategyInstance<?> instanceFor(StrategyDefinition definition, List<String> notes) {
        StrategyInstance<?> previous = instances.get(definition.id());
        if (previous != null && previous.definition().sameLogicAs(definition)) {
            return previous.reconfigured(definition);
        }
        ConfiguredStrategy built = catalog.build(definition.id().value(), definition.type(), definition.parameters());
        built.notes().stream().map(n -> definition.id() + ": " + n).forEach(notes::add);
        return StrategyInstance.create(definition, built.strategy(), built.validator());
    }

    private static Map<InstrumentToken, List<StrategyInstance<?>>> route(
            java.util.Collection<StrategyInstance<?>> all) {
        Map<InstrumentToken, List<StrategyInstance<?>>> byToken = new HashMap<>();
        for (StrategyInstance<?> instance : all) {
            for (InstrumentToken token : instance.definition().instruments()) {
                byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(instance);
            }
        }
        Map<InstrumentToken, List<StrategyInstance<?>>> frozen = new HashMap<>();
        byToken.forEach((token, list) -> frozen.put(token, List.copyOf(list)));
        return Map.copyOf(frozen);
    }
}
