package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recent orders with their status and fills, from the order projection and the fills ledger. */
public class OrderQueries {

    /** One order as listed by {@code GET /api/v1/orders}. */
    public record OrderView(String orderId, Broker broker, StrategyId strategyId, InstrumentToken instrumentToken,
                            String side, Long quantity, long filledQuantity, BigDecimal averageFillPrice,
                            BigDecimal price, String orderType, String timeInForce, OrderStatus status,
                            String reasonCode, String reason, Instant submittedAt, Instant updatedAt,
                            List<FillView> fills) {
    }

    /** One fill of an order. */
    public record FillView(String fillId, long quantity, BigDecimal price, BigDecimal fees, BigDecimal realizedPnl,
                           Instant timestamp) {
    }

    /** One fill of the ledger as listed by {@code GET /api/v1/fills}. */
    public record LedgerFill(String fillId, String orderId, Broker broker, StrategyId strategyId,
                             InstrumentToken instrumentToken, String side, long quantity, BigDecimal price,
                             BigDecimal fees, BigDecimal realizedPnl, Instant timestamp, Instant appliedAt) {
    }

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most recent orders first, optionally of one broker and one strategy. */
    public List<OrderView> recent(Optional<Broker> broker, Optional<StrategyId> strategy, int limit) {
        return recent(broker, strategy, 0, limit);
    }

    /** A page of {@link #recent}: {@code limit} orders after skipping {@code offset}. */
    public List<OrderView> recent(Optional<Broker> broker, Optional<StrategyId> strategy, long offset, int limit) {
        return recent(broker, strategy, false, offset, limit);
    }

    /**
     * A page of {@link #recent}; {@code workingOnly} keeps the orders still working (open or partially filled: no
     * failure event and not completely filled), as {@link OrderStatus#derive} would call them.
     */
    public List<OrderView> recent(Optional<Broker> broker, Optional<StrategyId> strategy, boolean workingOnly,
                                  long offset, int limit) {
        List<OrderView> orders = jdbc.sql("""
                SELECT order_id, broker, strategy_id, instrument_token, side, quantity, filled_quantity, price,
                       order_type, time_in_force, failure_code, failure_message, submitted_at, updated_at
                FROM orders
                WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)
                  AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                  AND (NOT :working OR (failure_code IS NULL AND (quantity IS NULL OR filled_quantity < quantity)))
                ORDER BY COALESCE(submitted_at, updated_at) DESC, order_id DESC LIMIT :limit OFFSET :offset""")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .param("working", workingOnly)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    Long quantity = rs.getObject(6) == null ? null : rs.getLong(6);
                    long filled = rs.getLong(7);
                    return new OrderView(rs.getString(1), Broker.fromId(rs.getString(2)), StrategyId.of(rs.getString(3)),
                            InstrumentToken.of(rs.getLong(4)), rs.getString(5), quantity, filled, null,
                            rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
                            OrderStatus.derive(quantity, filled, rs.getString(11)), rs.getString(11),
                            rs.getString(12), instant(rs.getObject(13, OffsetDateTime.class)),
                            instant(rs.getObject(14, OffsetDateTime.class)), List.of());
                }).list();
        return withFills(orders);
    }

    /** The most recent fills first (by event time), optionally of one broker and one strategy. */
    public List<LedgerFill> recentFills(Optional<Broker> broker, Optional<StrategyId> strategy, int limit) {
        return recentFills(broker, strategy, 0, limit);
    }

    /** A page of {@link #recentFills}: {@code limit} fills after skipping {@code offset}. */
    public List<LedgerFill> recentFills(Optional<Broker> broker, Optional<StrategyId> strategy, long offset,
                                        int limit) {
        return jdbc.sql("""
                SELECT fill_id, order_id, broker, strategy_id, instrument_token, side, quantity, price, fees,
                       realized_pnl, event_time, applied_at
                FROM fills
                WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)
                  AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                ORDER BY event_time DESC, applied_at DESC, fill_id DESC LIMIT :limit OFFSET :offset""")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new LedgerFill(rs.getString(1), rs.getString(2), Broker.fromId(rs.getString(3)),
                        StrategyId.of(rs.getString(4)), InstrumentToken.of(rs.getLong(5)), rs.getString(6),
                        rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        instant(rs.getObject(11, OffsetDateTime.class)), instant(rs.getObject(12, OffsetDateTime.class))))
                .list();
    }

    /** How many orders {@link #recent} would list over all pages. */
    public long countOrders(Optional<Broker> broker, Optional<StrategyId> strategy) {
        return count("orders", broker, strategy);
    }

    /** How many orders {@link #recent} with {@code workingOnly} would list over all pages. */
    public long countOrders(Optional<Broker> broker, Optional<StrategyId> strategy, boolean workingOnly) {
        if (!workingOnly) {
            return countOrders(broker, strategy);
        }
        return jdbc.sql("""
                SELECT count(*) FROM orders
                WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)
                  AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)
                  AND failure_code IS NULL AND (quantity IS NULL OR filled_quantity < quantity)""")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .query(Long.class).single();
    }

    /** How many fills {@link #recentFills} would list over all pages. */
    public long countFills(Optional<Broker> broker, Optional<StrategyId> strategy) {
        return count("fills", broker, strategy);
    }

    private long count(String table, Optional<Broker> broker, Optional<StrategyId> strategy) {
        return jdbc.sql("SELECT count(*) FROM " + table
                        + " WHERE (CAST(:broker AS varchar) IS NULL OR broker = :broker)"
                        + " AND (CAST(:strategy AS varchar) IS NULL OR strategy_id = :strategy)")
                .param("broker", broker.map(Broker::id).orElse(null))
                .param("strategy", strategy.map(StrategyId::value).orElse(null))
                .query(Long.class).single();
    }

    private List<OrderView> withFills(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<String, List<FillView>> fills = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT order_id, fill_id, quantity, price, fees, realized_pnl, event_time FROM fills
                WHERE order_id IN (:ids) ORDER BY event_time, applied_at""")
                .param("ids", orders.stream().map(OrderView::orderId).toList())
                .query(rs -> {
                    fills.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new FillView(rs.getString(2),
                            rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                            instant(rs.getObject(7, OffsetDateTime.class))));
                });
        return orders.stream().map(o -> {
            List<FillView> own = fills.getOrDefault(o.orderId(), List.of());
            return new OrderView(o.orderId(), o.broker(), o.strategyId(), o.instrumentToken(), o.side(), o.quantity(),
                    o.filledQuantity(), averagePrice(own), o.price(), o.orderType(), o.timeInForce(), o.status(),
                    o.reasonCode(), o.reason(), o.submittedAt(), o.updatedAt(), own);
        }).toList();
    }

    private static BigDecimal averagePrice(List<FillView> fills) {
        long quantity = fills.stream().mapToLong(FillView::quantity).sum();
        if (quantity == 0) {
            return null;
        }
        BigDecimal notional = fills.stream().map(f -> f.price().multiply(BigDecimal.valueOf(f.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return notional.divide(BigDecimal.valueOf(quantity), Position.COST_SCALE, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
