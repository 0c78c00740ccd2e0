package com.alphapanda.execution;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * An order to place for a validated signal. {@code signalId} (the validated signal's event id) is the idempotency
 * key; {@code referencePrice} is the market price the signal saw (null: the venue's last price); {@code eventTime}
 * is when the order is placed, in event time.
 */
public record OrderRequest(EventId signalId, StrategyId strategyId, InstrumentToken instrumentToken, SignalType side,
                           Quantity quantity, Price referencePrice, OrderInstruction instruction, Instant eventTime) {

    public OrderRequest {
        Objects.requireNonNull(signalId, "signal_id");
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(eventTime, "event_time");
        if (side == SignalType.HOLD) {
            throw new IllegalArgumentException("an order is a BUY or a SELL");
        }
    }

    /** The request for a validated signal published with this event id. */
    public static OrderRequest of(EventId signalId, ValidatedSignal validated) {
        var signal = validated.originalSignal();
        Price price = validated.validatedPrice() != null ? validated.validatedPrice() : signal.price();
        return new OrderRequest(signalId, signal.strategyId(), signal.instrumentToken(), signal.signalType(),
                validated.validatedQuantity(), price, signal.instructionOrDefault(), validated.timestamp());
    }
}
