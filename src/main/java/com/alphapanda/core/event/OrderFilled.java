package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One (possibly partial) execution of an order. {@code fillId} is unique per execution (the broker's trade id) and is
 * the key by which a fill is applied exactly once. {@code fees} are the charges of this fill; {@code timestamp} is
 * the fill's event time.
 */
public record OrderFilled(
        String orderId,
        String fillId,
        StrategyId strategyId,
        InstrumentToken instrumentToken,
        SignalType side,
        Quantity quantity,
        Price fillPrice,
        Money fees,
        Instant timestamp) implements OrderEvent {

    public OrderFilled {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(fillId, "fill_id");
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fillPrice, "fill_price");
        fees = fees == null ? Money.ZERO : fees;
        Objects.requireNonNull(timestamp, "timestamp");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("a fill has a positive quantity");
        }
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
