package com.alphapanda.strategy.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.strategy.StrategyDefinition;
import com.alphapanda.strategy.StrategyLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Request bodies of the strategy routes and their conversion to domain values (400 naming the field otherwise). */
final class StrategyRequests {

    private StrategyRequests() {
    }

    /** {@code POST /api/v1/strategies}. */
    record Create(
            @Schema(description = "1-100 letters, digits, '_', '.' or '-'", example = "momentum_reliance",
                    requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(description = "one of GET /api/v1/strategy-types", example = "momentum",
                    requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(description = "1-200 instrument tokens of the trading universe", example = "[738561]") List<Long> instruments,
            @Schema(description = "parameters of the type; defaults apply to those left out")
            @JsonDeserialize(using = ExactJsonObject.class) Map<String, Object> parameters,
            @Schema(description = "default true") Boolean active,
            @Schema(description = "target brokers, default [\"paper\"]", example = "[\"paper\"]") List<String> brokers) {

        StrategyDefinition definition() {
            StrategyId strategyId = strategyId(required(id, "id"));
            List<InstrumentToken> tokens = instruments == null ? List.of() : instruments.stream()
                    .map(t -> field("instruments", () -> InstrumentToken.of(required(t, "instruments[]"))))
                    .toList();
            List<Broker> targets = brokers == null ? List.of(Broker.PAPER) : brokers.stream()
                    .map(b -> field("brokers", () -> Broker.fromId(required(b, "brokers[]")))).toList();
            String strategyType = required(type, "type").strip();
            if (tokens.isEmpty() || tokens.size() > StrategyLimits.MAX_INSTRUMENTS) {
                throw new IllegalArgumentException("field 'instruments': from 1 to " + StrategyLimits.MAX_INSTRUMENTS
                        + " instrument tokens are required, got " + tokens.size());
            }
            return field("brokers", () -> new StrategyDefinition(strategyId, strategyType, tokens,
                    parameters, active == null || active, targets));
        }
    }

    /** {@code PUT /api/v1/strategies/{id}/parameters}: the new parameters, replacing the old ones. */
    record Parameters(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "{\"lookback_periods\": 30}")
            @JsonDeserialize(using = ExactJsonObject.class) Map<String, Object> parameters) {

        Map<String, Object> required() {
            return StrategyRequests.required(parameters, "parameters");
        }
    }

    static StrategyId strategyId(String value) {
        return field("id", () -> StrategyId.of(value));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
        return value;
    }

    private static <T> T field(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(message.startsWith("field '") ? message
                    : "field '" + field + "': " + message, e);
        }
    }
}
