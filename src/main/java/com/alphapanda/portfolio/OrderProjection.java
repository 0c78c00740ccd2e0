package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.sql.SqlRows;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order view behind {@code GET /api/v1/orders}, built from the order events of every broker. The three order
 * topics are consumed independently, so events of one order may arrive in any order: each event only sets its own
 * columns (idempotently), and the status is derived when read (see {@link OrderStatus}).
 */
class OrderProjection {

    private final JdbcClient jdbc;

    OrderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An order event of a batch, with its broker. */
    record Recorded<E>(Broker broker, E event) {
    }

    /**
     * The submissions of a batch: one statement; each sets only its own columns. A submission met twice (a
     * redelivery) is written once, as it came last.
     */
    void recordSubmitted(List<Recorded<OrderSubmitted>> submitted) {
        Map<String, Recorded<OrderSubmitted>> byOrder = new LinkedHashMap<>();
        submitted.forEach(r -> byOrder.put(r.event().orderId(), r));
        if (byOrder.isEmpty()) {
            return;
        }
        SqlRows rows = new SqlRows("text", "text", "text", "bigint", "text", "uuid", "bigint", "numeric", "text",
                "text", "timestamptz");
        byOrder.values().forEach(r -> {
            OrderSubmitted order = r.event();
            rows.add(order.orderId(), r.broker().id(), order.strategyId().value(), order.instrumentToken().value(),
                    order.side().name(), order.signalId().value(), order.quantity().value(),
                    order.price() == null ? null : order.price().value(), order.instruction().orderType().wireName(),
                    order.instruction().tif().name(), FillLedger.utc(order.timestamp()));
        });
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, signal_id, quantity, price,
                                    order_type, time_in_force, submitted_at, updated_at)
                SELECT v.*, v.submitted_at FROM (VALUES\s""" + rows.values() + """
                ) AS v(order_id, broker, strategy_id, instrument_token, side, signal_id, quantity, price, order_type,
                       time_in_force, submitted_at)
                ON CONFLICT (order_id) DO UPDATE SET signal_id = EXCLUDED.signal_id, quantity = EXCLUDED.quantity,
                    price = EXCLUDED.price, order_type = EXCLUDED.order_type, time_in_force = EXCLUDED.time_in_force,
                    submitted_at = EXCLUDED.submitted_at""")
                .params(rows.parameters()).update();
    }

    /** The failures of a batch: one statement; each sets only its own columns (the last of an order's, if twice). */
    void recordFailed(List<Recorded<OrderFailed>> failures) {
        Map<String, Recorded<OrderFailed>> byOrder = new LinkedHashMap<>();
        failures.forEach(r -> byOrder.put(r.event().orderId(), r));
        if (byOrder.isEmpty()) {
            return;
        }
        SqlRows rows = new SqlRows("text", "text", "text", "bigint", "text", "numeric", "text", "text", "bigint",
                "timestamptz");
        byOrder.values().forEach(r -> {
            OrderFailed failed = r.event();
            rows.add(failed.orderId(), r.broker().id(), failed.strategyId().value(), failed.instrumentToken().value(),
                    failed.side().name(), failed.price() == null ? null : failed.price().value(), failed.reasonCode(),
                    truncate(failed.errorMessage()), failed.quantity().value(), FillLedger.utc(failed.timestamp()));
        });
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, price, failure_code,
                                    failure_message, failed_quantity, updated_at)
                VALUES\s""" + rows.values() + """
                 ON CONFLICT (order_id) DO UPDATE SET failure_code = EXCLUDED.failure_code,
                    failure_message = EXCLUDED.failure_message, failed_quantity = EXCLUDED.failed_quantity,
                    updated_at = GREATEST(orders.updated_at, EXCLUDED.updated_at)""")
                .params(rows.parameters()).update();
    }

    /**
     * Called by the ledger inside the fills' transaction, so the filled quantity moves exactly once per fill.
     * Adds the applied fills of a batch to their orders' filled quantities: one statement, one row per order.
     */
    static void recordFills(JdbcClient jdbc, List<FillLedger.Entry> entries, List<FillLedger.Outcome> outcomes) {
        Map<String, FillLedger.Entry> first = new LinkedHashMap<>();
        Map<String, Long> quantity = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (outcomes.get(i).applied()) {
                OrderFilled fill = entries.get(i).fill();
                first.putIfAbsent(fill.orderId(), entries.get(i));
                quantity.merge(fill.orderId(), fill.quantity().value(), Long::sum);
                latest.merge(fill.orderId(), fill.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        SqlRows rows = new SqlRows("text", "text", "text", "bigint", "text", "bigint", "timestamptz");
        first.forEach((orderId, e) -> rows.add(orderId, e.broker().id(), e.fill().strategyId().value(),
                e.fill().instrumentToken().value(), e.fill().side().name(), quantity.get(orderId),
                FillLedger.utc(latest.get(orderId))));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, filled_quantity, updated_at)"
                + " VALUES " + rows.values() + """
                 ON CONFLICT (order_id) DO UPDATE SET filled_quantity = orders.filled_quantity + EXCLUDED.filled_quantity,
                    updated_at = GREATEST(orders.updated_at, EXCLUDED.updated_at)""")
                .params(rows.parameters()).update();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
