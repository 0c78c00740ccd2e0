package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.execution.BrokerOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings one order up to date with Kite: reads its latest state and its trades, records each new trade once (the
 * database's unique trade id decides) and emits an {@code OrderFilled} for it, and an {@code OrderFailed} once when the
 * order ends rejected or cancelled. When Kite cannot be read, nothing changes and the next update or poll retries.
 */
final class OrderSync {

    private final ZerodhaOrderBook book;
    private final Clock clock;

    OrderSync(ZerodhaOrderBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    List<OrderEvent> sync(KiteOrders kite, ZerodhaOrderBook.Row row) {
        if (!(kite.latest(row.orderId()) instanceof KiteOrders.Lookup.Found<KiteOrder> latestFound)) {
            return List.of();
        }
        KiteOrder latest = latestFound.value();
        List<OrderEvent> events = new ArrayList<>();
        if (latest.filledQuantity() > 0
                && kite.trades(row.orderId()) instanceof KiteOrders.Lookup.Found<List<KiteTrade>> trades) {
            for (KiteTrade trade : trades.value()) {
                Instant at = KiteOrder.time(trade.fillTimestamp(), clock.instant());
                if (trade.quantity() > 0 && book.recordFill(trade, at)) {
                    events.add(new OrderFilled(row.orderId(), trade.tradeId(), row.strategyId(), row.token(),
                            row.side(), Quantity.of(trade.quantity()), Price.of(trade.averagePrice()), Money.ZERO, at));
                }
            }
        }
        long filled = book.filledQuantity(row.orderId());
        BrokerOrder.Status status = statusOf(latest, filled, row.quantity());
        boolean changed = book.status(row.orderId(), status, filled, clock.instant());
        if (changed && (status == BrokerOrder.Status.FAILED || status == BrokerOrder.Status.CANCELLED)) {
            String code = status == BrokerOrder.Status.CANCELLED ? "CANCELLED" : "KITE_REJECTED";
            String message = latest.statusMessage() == null ? "Kite: " + latest.status()
                    : "Kite: " + latest.status() + ": " + latest.statusMessage();
            events.add(new OrderFailed(row.orderId(), row.strategyId(), row.token(), row.side(),
                    Quantity.of(Math.max(row.quantity() - filled, 1)), null, code,
                    ZerodhaTradingEngine.bounded(message),
                    KiteOrder.time(latest.orderTimestamp(), clock.instant())));
        }
        return events;
    }

    /** Kite's status in the gateway's terms; a COMPLETE order is FILLED only once all its trades are recorded. */
    static BrokerOrder.Status statusOf(KiteOrder order, long filled, long quantity) {
        if (order.rejected()) {
            return BrokerOrder.Status.FAILED;
        }
        if (order.cancelled()) {
            return BrokerOrder.Status.CANCELLED;
        }
        if (order.complete() && filled >= quantity) {
            return BrokerOrder.Status.FILLED;
        }
        return filled > 0 ? BrokerOrder.Status.PARTIALLY_FILLED : BrokerOrder.Status.OPEN;
    }
}
