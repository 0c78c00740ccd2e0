package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.execution.BrokerOrder;
import com.alphapanda.execution.OrderRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The zerodha orders and fills in PostgreSQL ({@code zerodha_orders}, {@code zerodha_fills}). An order is reserved
 * (status {@code PENDING}) before Kite is called; a fill is recorded once per Kite trade id, whichever path reports it.
 */
final class ZerodhaOrderBook {

    static final String PENDING = "PENDING";
    private static final String COLUMNS = "signal_id, tag, order_id, strategy_id, instrument_token, side, quantity, "
            + "filled_quantity, status";

    private final JdbcClient jdbc;
    private final TransactionOperations ownTransaction;

    /** {@code ownTransaction} runs the reservation in a transaction of its own (committed before Kite is called). */
    ZerodhaOrderBook(JdbcClient jdbc, TransactionOperations ownTransaction) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
    }

    /** An order row: {@code status} is a {@link BrokerOrder.Status} name or {@link #PENDING}. */
    record Row(EventId signalId, String tag, String orderId, StrategyId strategyId, InstrumentToken token,
               SignalType side, long quantity, long filled, String status) {

        boolean pending() {
            return PENDING.equals(status);
        }

        BrokerOrder toBrokerOrder() {
            BrokerOrder.Status s = pending() ? BrokerOrder.Status.OPEN : BrokerOrder.Status.valueOf(status);
            return new BrokerOrder(orderId == null ? tag : orderId, signalId, strategyId, token, side, quantity,
                    filled, s);
        }
    }

    Optional<Row> bySignal(EventId signalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM zerodha_orders WHERE signal_id = :id").param("id", signalId.value())
                .query(ZerodhaOrderBook::row).optional();
    }

    Optional<Row> byOrderId(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM zerodha_orders WHERE order_id = :id").param("id", orderId)
                .query(ZerodhaOrderBook::row).optional();
    }

    List<Row> working() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM zerodha_orders WHERE status IN ('PENDING', 'OPEN', "
                + "'PARTIALLY_FILLED') ORDER BY placed_at").query(ZerodhaOrderBook::row).list();
    }

    /** Reserves the signal's order before Kite is called; false when it was reserved before. */
    boolean reserve(OrderRequest request, String tag, Instant at) {
        return Boolean.TRUE.equals(ownTransaction.execute(tx -> jdbc.sql("""
                INSERT INTO zerodha_orders (signal_id, tag, strategy_id, instrument_token, side, quantity, status,
                                            placed_at, updated_at)
                VALUES (:id, :tag, :strategy, :token, :side, :qty, 'PENDING', :at, :at)
                ON CONFLICT (signal_id) DO NOTHING""")
                .param("id", request.signalId().value()).param("tag", tag)
                .param("strategy", request.strategyId().value()).param("token", request.instrumentToken().value())
                .param("side", request.side().name()).param("qty", request.quantity().value())
                .param("at", Timestamp.from(at)).update() == 1));
    }

    void placed(EventId signalId, String orderId, Instant at) {
        jdbc.sql("UPDATE zerodha_orders SET order_id = :order, status = 'OPEN', updated_at = :at WHERE signal_id = :id")
                .param("order", orderId).param("at", Timestamp.from(at)).param("id", signalId.value()).update();
    }

    /** Sets the order's status and filled quantity; false when the status was already {@code status}. */
    boolean status(String orderId, BrokerOrder.Status status, long filled, Instant at) {
        jdbc.sql("UPDATE zerodha_orders SET filled_quantity = :filled WHERE order_id = :order")
                .param("filled", filled).param("order", orderId).update();
        return jdbc.sql("""
                UPDATE zerodha_orders SET status = :status, updated_at = :at
                WHERE order_id = :order AND status <> :status""")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("order", orderId).update() == 1;
    }

    void failed(EventId signalId, String code, String message, Instant at) {
        jdbc.sql("""
                UPDATE zerodha_orders SET status = 'FAILED', reason_code = :code, message = :message, updated_at = :at
                WHERE signal_id = :id""")
                .param("code", code).param("message", message).param("at", Timestamp.from(at))
                .param("id", signalId.value()).update();
    }

    /** Records a Kite trade; false when it was recorded before (by another path). */
    boolean recordFill(KiteTrade trade, Instant at) {
        return jdbc.sql("""
                INSERT INTO zerodha_fills (trade_id, order_id, quantity, price, filled_at)
                VALUES (:trade, :order, :qty, :price, :at) ON CONFLICT (trade_id) DO NOTHING""")
                .param("trade", trade.tradeId()).param("order", trade.orderId()).param("qty", trade.quantity())
                .param("price", trade.averagePrice()).param("at", Timestamp.from(at)).update() == 1;
    }

    long filledQuantity(String orderId) {
        return jdbc.sql("SELECT COALESCE(sum(quantity), 0) FROM zerodha_fills WHERE order_id = :order")
                .param("order", orderId).query(Long.class).single();
    }

    /** Orders sent to Kite since {@code since} (the daily cap). */
    long placedSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM zerodha_orders WHERE placed_at >= :since "
                        + "AND (order_id IS NOT NULL OR status = 'PENDING')")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }

    static BigDecimal price(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : value;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new EventId(rs.getObject("signal_id", UUID.class)), rs.getString("tag"),
                rs.getString("order_id"), StrategyId.of(rs.getString("strategy_id")),
                InstrumentToken.of(rs.getLong("instrument_token")), SignalType.valueOf(rs.getString("side")),
                rs.getLong("quantity"), rs.getLong("filled_quantity"), rs.getString("status"));
    }
}
