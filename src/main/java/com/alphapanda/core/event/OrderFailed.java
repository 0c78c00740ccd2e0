package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * An order that could not be (fully) executed: refused by a guardrail or the broker, cancelled, or expired.
 * {@code reasonCode} is stable (e.g. {@code INSUFFICIENT_CASH}, {@code EXPIRED}); {@code errorMessage} is for people.
 */
public record OrderFailed(
        String orderId,
        StrategyId strategyId,
        InstrumentToken instrumentToken,
        SignalType side,
        Quantity quantity,
        Price price,
        String reasonCode,
        String errorMessage,
        Instant timestamp) implements OrderEvent {

    public OrderFailed {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(reasonCode, "reason_code");
        Objects.requireNonNull(errorMessage, "error_message");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
