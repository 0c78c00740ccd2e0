package com.alphapanda.backtest;

import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code fills.csv} (one row per fill, as it happens) and {@code orders.csv} (one row per order when it is done:
 * filled, failed, cancelled or expired; still working at the end: OPEN) while the backtest runs, so neither is held in
 * memory. Only the working orders are.
 */
final class TradeJournal implements Closeable {

    static final String FILLS_HEADER = "time,strategy_id,instrument_token,side,quantity,price,fees,realized_pnl,"
            + "order_id,fill_id";
    static final String ORDERS_HEADER = "placed_at,order_id,strategy_id,instrument_token,side,order_type,"
            + "time_in_force,quantity,price,filled_quantity,average_fill_price,status,reason,closed_at";

    private static final class Working {
        final OrderSubmitted order;
        long filled;
        BigDecimal filledValue = BigDecimal.ZERO;

        Working(OrderSubmitted order) {
            this.order = order;
        }
    }

    private final Writer fills;
    private final Writer orders;
    private final Map<String, Working> working = new LinkedHashMap<>();

    TradeJournal(Writer fills, Writer orders) {
        this.fills = fills;
        this.orders = orders;
        write(fills, FILLS_HEADER);
        write(orders, ORDERS_HEADER);
    }

    void submitted(OrderSubmitted order) {
        working.put(order.orderId(), new Working(order));
    }

    void filled(OrderFilled fill, BigDecimal realized) {
        write(fills, String.join(",", fill.timestamp().toString(), fill.strategyId().value(),
                fill.instrumentToken().toString(), fill.side().name(), Long.toString(fill.quantity().value()),
                fill.fillPrice().value().toPlainString(), fill.fees().value().toPlainString(),
                Money.plain(realized), fill.orderId(), fill.fillId()));
        Working w = working.get(fill.orderId());
        if (w == null) {
            return;
        }
        w.filled += fill.quantity().value();
        w.filledValue = w.filledValue.add(fill.fillPrice().value()
                .multiply(BigDecimal.valueOf(fill.quantity().value())));
        if (w.filled >= w.order.quantity().value()) {
            done(w, "FILLED", "", fill.timestamp());
        }
    }

    void failed(OrderFailed failed) {
        Working w = working.get(failed.orderId());
        if (w != null) {
            done(w, failed.reasonCode(), failed.errorMessage(), failed.timestamp());
        }
    }

    /** Writes the orders still working as OPEN and flushes both files. */
    void finish() {
        for (Working w : java.util.List.copyOf(working.values())) {
            done(w, "OPEN", "", null);
        }
        try {
            fills.flush();
            orders.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (fills; orders) {
            fills.flush();
        }
    }

    private void done(Working w, String status, String reason, Instant at) {
        working.remove(w.order.orderId());
        OrderSubmitted o = w.order;
        String average = w.filled == 0 ? ""
                : Money.plain(w.filledValue.divide(BigDecimal.valueOf(w.filled), 4, java.math.RoundingMode.HALF_EVEN));
        write(orders, String.join(",", o.timestamp().toString(), o.orderId(), o.strategyId().value(),
                o.instrumentToken().toString(), o.side().name(), o.instruction().orderType().name(),
                o.instruction().tif().name(), Long.toString(o.quantity().value()),
                o.price() == null ? "" : o.price().value().toPlainString(), Long.toString(w.filled), average, status,
                Csv.quote(reason), at == null ? "" : at.toString()));
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
