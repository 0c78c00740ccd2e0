package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator action needs to know, from the ledger and the order view: the open positions and the working
 * (open or partially filled) orders of a broker, optionally of one strategy, and one order's status.
 */
public class ExposureQueries {

    /** An order as the order view knows it. */
    public record OrderState(String orderId, Broker broker, StrategyId strategyId, InstrumentToken instrumentToken,
                             SignalType side, Long quantity, long filledQuantity, OrderStatus status,
                             Instant lastEventAt) {
    }

    /** A non-zero position (signed quantity) and the event time of its last fill. */
    public record OpenPosition(Broker broker, StrategyId strategyId, InstrumentToken instrumentToken, long quantity,
                               Instant lastFillAt) {
    }

    private final JdbcClient jdbc;

    ExposureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderState> order(Broker broker, String orderId) {
        return jdbc.sql("""
                SELECT order_id, broker, strategy_id, instrument_token, side, quantity, filled_quantity, failure_code,
                       updated_at
                FROM orders WHERE broker = :broker AND order_id = :orderId""")
                .param("broker", broker.id()).param("orderId", orderId)
                .query((rs, n) -> orderState(rs)).optional();
    }

    /** Working orders (submitted, not ended, not fully filled), oldest first. */
    public List<OrderState> workingOrders(Broker broker, Optional<StrategyId> strategy) {
        return jdbc.sql("""
                SELECT order_id, broker, strategy_id, instrument_token, side, quantity, filled_quantity, failure_code,
                       updated_at
                FROM orders
                WHERE broker = :broker AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                  AND failure_code IS NULL AND quantity IS NOT NULL AND filled_quantity < quantity
                ORDER BY submitted_at, order_id""")
                .param("broker", broker.id()).param("strategy", strategy.map(StrategyId::value).orElse(null))
                .query((rs, n) -> orderState(rs)).list();
    }

    /** Open (non-zero) positions, by strategy and instrument. */
    public List<OpenPosition> openPositions(Broker broker, Optional<StrategyId> strategy) {
        return jdbc.sql("""
                SELECT p.strategy_id, p.instrument_token, p.quantity,
                       (SELECT MAX(f.event_time) FROM fills f WHERE f.broker = p.broker
                          AND f.strategy_id = p.strategy_id AND f.instrument_token = p.instrument_token)
                FROM positions p
                WHERE p.broker = :broker AND (CAST(:strategy AS varchar) IS NULL OR p.strategy_id = :strategy)
                  AND p.quantity <> 0
                ORDER BY p.strategy_id, p.instrument_token""")
                .param("broker", broker.id()).param("strategy", strategy.map(StrategyId::value).orElse(null))
                .query((rs, n) -> new OpenPosition(broker, StrategyId.of(rs.getString(1)),
                        InstrumentToken.of(rs.getLong(2)), rs.getLong(3), instant(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    private static OrderState orderState(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long quantity = rs.getObject(6) == null ? null : rs.getLong(6);
        long filled = rs.getLong(7);
        return new OrderState(rs.getString(1), Broker.fromId(rs.getString(2)), StrategyId.of(rs.getString(3)),
                InstrumentToken.of(rs.getLong(4)), SignalType.valueOf(rs.getString(5)), quantity, filled,
                OrderStatus.derive(quantity, filled, rs.getString(8)), instant(rs.getObject(9, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
