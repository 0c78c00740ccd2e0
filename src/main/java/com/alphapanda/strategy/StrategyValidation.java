package com.alphapanda.strategy;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.instrument.InstrumentRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a strategy must pass before it is stored (API or YAML file): its type and bounded parameters
 * ({@link StrategyCatalog}), the size of its parameters object and that every instrument is in the trading universe.
 * The instrument count is bounded by {@link StrategyDefinition} itself. All problems are reported at once.
 */
final class StrategyValidation {

    private final StrategyCatalog catalog;
    private final Function<List<InstrumentToken>, List<InstrumentToken>> universe;

    /** @param universe the given tokens that are outside the trading universe ({@link InstrumentRegistry}) */
    StrategyValidation(StrategyCatalog catalog, Function<List<InstrumentToken>, List<InstrumentToken>> universe) {
        this.catalog = catalog;
        this.universe = universe;
    }

    StrategyCatalog catalog() {
        return catalog;
    }

    /** @throws InvalidStrategyException naming every problem */
    ConfiguredStrategy check(StrategyDefinition d) {
        List<String> problems = new ArrayList<>();
        ConfiguredStrategy built = parameters(d.id(), d.type(), d.parameters(), problems);
        List<InstrumentToken> outside = universe.apply(d.instruments());
        if (!outside.isEmpty()) {
            problems.add("instruments outside the trading universe (import or subscribe them first): "
                    + String.join(", ", outside.stream().limit(20).map(InstrumentToken::toString).toList())
                    + (outside.size() > 20 ? " and " + (outside.size() - 20) + " more" : ""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidStrategyException(d.id().value(), problems);
        }
        return built;
    }

    /** @throws InvalidStrategyException naming every problem with the type or the parameters */
    ConfiguredStrategy checkParameters(StrategyId id, String type, Map<String, ?> parameters) {
        List<String> problems = new ArrayList<>();
        ConfiguredStrategy built = parameters(id, type, parameters, problems);
        if (!problems.isEmpty()) {
            throw new InvalidStrategyException(id.value(), problems);
        }
        return built;
    }

    private ConfiguredStrategy parameters(StrategyId id, String type, Map<String, ?> parameters,
                                          List<String> problems) {
        int bytes = EventJson.mapper().writeValueAsString(parameters == null ? Map.of() : parameters)
                .getBytes(StandardCharsets.UTF_8).length;
        if (bytes > StrategyLimits.MAX_PARAMETERS_BYTES) {
            problems.add("parameters of " + bytes + " bytes, at most " + StrategyLimits.MAX_PARAMETERS_BYTES
                    + " are allowed");
            return null;
        }
        try {
            return catalog.build(id.value(), type, parameters);
        } catch (InvalidStrategyException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
