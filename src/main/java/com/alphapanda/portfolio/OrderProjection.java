package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
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
    static void recordFill(JdbcClient jdbc, Broker broker, OrderFilled fill) {
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, filled_quantity, updated_at)
                VALUES (:orderId, :broker, :strategy, :token, :side, :qty, :at)
                ON CONFLICT (order_id) DO UPDATE SET filled_quantity = orders.filled_quantity + EXCLUDED.filled_quantity,
                    updated_at = GREATEST(orders.updated_at, EXCLUDED.updated_at)""")
                .param("orderId", fill.orderId()).param("broker", broker.id())
                .param("strategy", fill.strategyId().value()).param("token", fill.instrumentToken().value())
                .param("side", fill.side().name()).param("qty", fill.quantity().value())
                .param("at", FillLedger.utc(fill.timestamp()))
                .update();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
