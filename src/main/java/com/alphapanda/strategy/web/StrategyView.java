package com.alphapanda.strategy.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.strategy.StrategyAdministration.StrategyState;
import com.alphapanda.strategy.StrategyDefinition;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** A stored strategy as the API shows it. */
record StrategyView(
        String id,
        @Schema(description = "strategy type, see GET /api/v1/strategy-types") String type,
        @Schema(description = "instrument tokens it trades") List<Long> instruments,
        @Schema(description = "type-specific parameters; decimals keep their written value") Map<String, Object> parameters,
        boolean active,
        @Schema(description = "brokers its signals go to") List<String> brokers,
        @Schema(description = "whether this instance runs it now") boolean running,
        @Schema(description = "why it cannot run (null when it can)") String problem) {

    static StrategyView of(StrategyState state) {
        StrategyDefinition d = state.definition();
        if (d == null) {
            return new StrategyView(state.id(), null, List.of(), Map.of(), false, List.of(), false, state.problem());
        }
        return new StrategyView(state.id(), d.type(), d.instruments().stream().map(InstrumentToken::value).toList(),
                d.parameters(), d.active(), d.targetBrokers().stream().map(Broker::id).toList(), state.running(),
                state.problem());
    }
}
