package com.alphapanda.core.event;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * An order accepted by a broker (the reference's {@code order_placed}). {@code signalId} is the id of the validated
 * signal event that caused it: the idempotency key of order placement (Kite's {@code tag}).
 */
public record OrderSubmitted(
        String orderId,
        EventId signalId,
        StrategyId strategyId,
        InstrumentToken instrumentToken,
        SignalType side,
        Quantity quantity,
        Price price,
        OrderInstruction instruction,
        Instant timestamp) implements OrderEvent {

    public OrderSubmitted {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(signalId, "signal_id");
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
