package com.alphapanda.execution.paper;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.execution.BrokerOrder;
import java.math.BigDecimal;
import java.time.Instant;

/** One order at the paper venue; mutable, owned by the venue. */
final class PaperOrder {

    /** Entry orders come from signals; exit orders from a triggered bracket. */
    enum Role {
        ENTRY, EXIT
    }

    final String orderId;
    final EventId signalId;
    final StrategyId strategyId;
    final InstrumentToken token;
    final SignalType side;
    final long quantity;
    final Price referencePrice;
    final OrderInstruction instruction;
    final Instant placedAt;
    final Instant expiresAt;
    final Role role;
    long filled;
    BigDecimal filledCost = BigDecimal.ZERO;
    Instant lastFillAt;
    boolean triggered;
    BrokerOrder.Status status = BrokerOrder.Status.OPEN;
    /** The partition of paper.signals.validated that owns it (-1 in the in-process simulator). */
    int partition = -1;
    /**
     * The offset (in its instrument's partition of market.ticks) of the last tick it was matched against, or of the
     * last tick its owner had read when it was placed; -1 when unknown. Ticks at or below it are not matched again.
     */
    long tickOffset = -1;
    /** The tickOffset its row holds. */
    long storedTickOffset = -1;
    /** Its row's version in paper_orders; -1 until the row is inserted. */
    long version = -1;

    PaperOrder(String orderId, EventId signalId, StrategyId strategyId, InstrumentToken token, SignalType side,
               long quantity, Price referencePrice, OrderInstruction instruction, Instant placedAt, Instant expiresAt,
               Role role) {
        this.orderId = orderId;
        this.signalId = signalId;
        this.strategyId = strategyId;
        this.token = token;
        this.side = side;
        this.quantity = quantity;
        this.referencePrice = referencePrice;
        this.instruction = instruction;
        this.placedAt = placedAt;
        this.expiresAt = expiresAt;
        this.role = role;
    }

    long remaining() {
        return quantity - filled;
    }

    OrderType type() {
        return instruction.orderType();
    }

    /** The price the order is announced with: its limit, else its stop, else the reference market price. */
    Price announcedPrice() {
        if (instruction.limitPrice() != null) {
            return instruction.limitPrice();
        }
        return instruction.stopPrice() != null ? instruction.stopPrice() : referencePrice;
    }

    /** Whether it trades like a limit order now: a limit, or a stop-limit whose stop has triggered. */
    boolean actsAsLimit() {
        return type() == OrderType.LIMIT || (type() == OrderType.STOP_LIMIT && triggered);
    }

    void recordFill(long qty, BigDecimal price, Instant at) {
        filled += qty;
        filledCost = filledCost.add(price.multiply(BigDecimal.valueOf(qty)));
        lastFillAt = at;
        status = filled >= quantity ? BrokerOrder.Status.FILLED : BrokerOrder.Status.PARTIALLY_FILLED;
    }

    BrokerOrder view() {
        return new BrokerOrder(orderId, signalId, strategyId, token, side, quantity, filled, status);
    }
}
