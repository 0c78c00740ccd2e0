package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
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

    void recordSubmitted(Broker broker, OrderSubmitted order) {
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, signal_id, quantity, price,
                                    order_type, time_in_force, submitted_at, updated_at)
                VALUES (:orderId, :broker, :strategy, :token, :side, :signalId, :qty, :price, :type, :tif, :at, :at)
                ON CONFLICT (order_id) DO UPDATE SET signal_id = EXCLUDED.signal_id, quantity = EXCLUDED.quantity,
                    price = EXCLUDED.price, order_type = EXCLUDED.order_type, time_in_force = EXCLUDED.time_in_force,
                    submitted_at = EXCLUDED.submitted_at""")
                .param("orderId", order.orderId()).param("broker", broker.id())
                .param("strategy", order.strategyId().value()).param("token", order.instrumentToken().value())
                .param("side", order.side().name()).param("signalId", order.signalId().value())
                .param("qty", order.quantity().value())
                .param("price", order.price() == null ? null : order.price().value())
                .param("type", order.instruction().orderType().wireName())
                .param("tif", order.instruction().tif().name()).param("at", FillLedger.utc(order.timestamp()))
                .update();
    }

    void recordFailed(Broker broker, OrderFailed failed) {
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, price, failure_code,
                                    failure_message, failed_quantity, updated_at)
                VALUES (:orderId, :broker, :strategy, :token, :side, :price, :code, :message, :qty, :at)
                ON CONFLICT (order_id) DO UPDATE SET failure_code = EXCLUDED.failure_code,
                    failure_message = EXCLUDED.failure_message, failed_quantity = EXCLUDED.failed_quantity,
                    updated_at = GREATEST(orders.updated_at, EXCLUDED.updated_at)""")
                .param("orderId", failed.orderId()).param("broker", broker.id())
                .param("strategy", failed.strategyId().value()).param("token", failed.instrumentToken().value())
                .param("side", failed.side().name())
                .param("price", failed.price() == null ? null : failed.price().value())
                .param("code", failed.reasonCode()).param("message", truncate(failed.errorMessage()))
                .param("qty", failed.quantity().value()).param("at", FillLedger.utc(failed.timestamp()))
                .update();
    }

    /** Called by the ledger inside the fill's transaction, so the filled quantity moves exactly once per fill. */
    /** Adds the applied fills of a batch to their orders' filled quantities: one statement, one row per order. */
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
