package com.alphapanda.execution.paper;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.sql.SqlRows;
import com.alphapanda.execution.BrokerOrder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paper venue's durable state in PostgreSQL (V90): inputs claimed once, accounts under row locks, orders changed
 * by conditional updates. Every method runs in the caller's transaction (the listener batch's).
 */
final class PaperStore {

    private static final String ORDER_COLUMNS = "order_id, signal_id, role, signal_partition, strategy_id,"
            + " instrument_token, side, quantity, reference_price, order_type, time_in_force, limit_price, stop_price,"
            + " take_profit_pct, stop_loss_pct, placed_at, expires_at, filled, filled_cost, last_fill_at, triggered,"
            + " status, bracket_live, version, tick_offset";

    private final JdbcClient jdbc;

    PaperStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an input was consumed: topic, partition, offset. */
    record Source(String topic, int partition, long offset) {
    }

    /** An order as stored, and whether its bracket is armed. */
    record Stored(PaperOrder order, boolean bracketLive) {
    }

    /** The input is claimed now (empty), or was claimed before: then where it was consumed that time. */
    Optional<Source> claim(EventId input, Source source) {
        int inserted = jdbc.sql("INSERT INTO paper_inputs (input_event_id, source_topic, source_partition,"
                        + " source_offset) VALUES (:id, :topic, :partition, :offset) ON CONFLICT DO NOTHING")
                .param("id", input.value()).param("topic", source.topic()).param("partition", source.partition())
                .param("offset", source.offset()).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT source_topic, source_partition, source_offset FROM paper_inputs"
                        + " WHERE input_event_id = :id").param("id", input.value())
                .query((rs, n) -> new Source(rs.getString(1), rs.getInt(2), rs.getLong(3))).single());
    }

    /**
     * Claims many inputs in one statement (a batch's): for each, empty when claimed now, or where it was consumed
     * when it was claimed before. Ids must be distinct.
     */
    Map<EventId, Optional<Source>> claimAll(Map<EventId, Source> inputs) {
        Map<EventId, Optional<Source>> claims = new HashMap<>();
        if (inputs.isEmpty()) {
            return claims;
        }
        SqlRows rows = new SqlRows("uuid", "text", "integer", "bigint");
        inputs.forEach((id, source) -> rows.add(id.value(), source.topic(), source.partition(), source.offset()));
        Set<String> claimedNow = new HashSet<>(jdbc.sql("INSERT INTO paper_inputs (input_event_id,"
                        + " source_topic, source_partition, source_offset) VALUES " + rows.values()
                        + " ON CONFLICT DO NOTHING RETURNING input_event_id::text")
                .params(rows.parameters()).query(String.class).list());
        SqlRows before = new SqlRows("uuid");
        inputs.keySet().forEach(id -> {
            if (claimedNow.contains(id.value().toString())) {
                claims.put(id, Optional.empty());
            } else {
                before.add(id.value());
            }
        });
        if (!before.isEmpty()) {
            jdbc.sql("SELECT input_event_id::text, source_topic, source_partition, source_offset FROM paper_inputs"
                    + " WHERE input_event_id IN (" + before.values() + ")").params(before.parameters())
                    .query(rs -> {
                        claims.put(EventId.parse(rs.getString(1)),
                                Optional.of(new Source(rs.getString(2), rs.getInt(3), rs.getLong(4))));
                    });
        }
        return claims;
    }

    /** Deletes claims of inputs (made in this transaction and not used). */
    void release(Collection<EventId> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        SqlRows ids = new SqlRows("uuid");
        inputs.forEach(id -> ids.add(id.value()));
        jdbc.sql("DELETE FROM paper_inputs WHERE input_event_id IN (" + ids.values() + ")").params(ids.parameters())
                .update();
    }

    /**
     * Locks the accounts of these strategies in strategy order (creating a new one at its starting cash) and reads
     * them with their holdings.
     */
    Map<String, PaperAccount> lockAccounts(SortedSet<String> strategies, Function<String, BigDecimal> startingCash) {
        SqlRows created = new SqlRows("text", "numeric");
        strategies.forEach(s -> created.add(s, startingCash.apply(s)));
        jdbc.sql("INSERT INTO paper_accounts (strategy_id, cash) VALUES " + created.values() + " ON CONFLICT DO NOTHING")
                .params(created.parameters()).update();
        SqlRows keys = new SqlRows("text");
        strategies.forEach(keys::add);
        Map<String, BigDecimal> cash = new HashMap<>();
        jdbc.sql("SELECT strategy_id, cash FROM paper_accounts WHERE strategy_id IN (" + keys.values() + ")"
                        + " ORDER BY strategy_id FOR UPDATE")
                .params(keys.parameters()).query(rs -> {
                    cash.put(rs.getString(1), rs.getBigDecimal(2));
                });
        Map<String, Map<InstrumentToken, Long>> holdings = new HashMap<>();
        jdbc.sql("SELECT strategy_id, instrument_token, quantity FROM paper_holdings WHERE strategy_id IN ("
                        + keys.values() + ")")
                .params(keys.parameters()).query(rs -> {
                    holdings.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(InstrumentToken.of(rs.getLong(2)), rs.getLong(3));
                });
        Map<String, PaperAccount> accounts = new HashMap<>();
        cash.forEach((s, c) -> accounts.put(s, new PaperAccount(c, holdings.getOrDefault(s, Map.of()))));
        return accounts;
    }

    /** Writes accounts (locked by {@link #lockAccounts} in this transaction): one statement per table. */
    void saveAccounts(Map<String, PaperAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        SqlRows cash = new SqlRows("text", "numeric");
        SqlRows held = new SqlRows("text", "bigint", "bigint");
        accounts.forEach((strategy, account) -> {
            cash.add(strategy, account.cash());
            account.holdings().forEach((token, quantity) -> held.add(strategy, token.value(), quantity));
        });
        jdbc.sql("UPDATE paper_accounts a SET cash = v.cash, updated_at = now() FROM (VALUES " + cash.values()
                + ") AS v(strategy_id, cash) WHERE a.strategy_id = v.strategy_id").params(cash.parameters()).update();
        if (!held.isEmpty()) {
            jdbc.sql("INSERT INTO paper_holdings (strategy_id, instrument_token, quantity) VALUES " + held.values()
                    + " ON CONFLICT (strategy_id, instrument_token) DO UPDATE SET quantity = EXCLUDED.quantity")
                    .params(held.parameters()).update();
        }
    }

    /**
     * Writes changed orders: new ones inserted, known ones updated only if nobody changed them since they were read
     * (their version). False when one was changed elsewhere (nothing of this call may commit then).
     */
    boolean saveOrders(List<PaperOrder> orders, Function<PaperOrder, Boolean> bracketLive) {
        List<PaperOrder> fresh = orders.stream().filter(o -> o.version < 0).toList();
        List<PaperOrder> known = orders.stream().filter(o -> o.version >= 0).toList();
        if (!fresh.isEmpty()) {
            insert(fresh, bracketLive);
        }
        if (!known.isEmpty() && update(known, bracketLive) != known.size()) {
            return false;
        }
        orders.forEach(o -> {
            o.version++;
            o.storedTickOffset = o.tickOffset;
        });
        return true;
    }

    /**
     * Writes how far these orders have been matched against ticks (without changing their version; an order another
     * instance changed since keeps its row), so that a new owner's catch-up reads few ticks again.
     */
    void checkpointTickOffsets(List<PaperOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        SqlRows rows = new SqlRows("text", "bigint", "bigint");
        orders.forEach(o -> rows.add(o.orderId, o.version, o.tickOffset));
        jdbc.sql("UPDATE paper_orders o SET tick_offset = v.tick_offset FROM (VALUES " + rows.values()
                        + ") AS v(order_id, version, tick_offset) WHERE o.order_id = v.order_id"
                        + " AND o.version = v.version AND o.tick_offset < v.tick_offset")
                .params(rows.parameters()).update();
        orders.forEach(o -> o.storedTickOffset = o.tickOffset);
    }

    private void insert(List<PaperOrder> orders, Function<PaperOrder, Boolean> bracketLive) {
        SqlRows rows = new SqlRows("text", "uuid", "text", "integer", "text", "bigint", "text", "bigint", "numeric",
                "text", "text", "numeric", "numeric", "numeric", "numeric", "timestamptz", "timestamptz", "bigint",
                "numeric", "timestamptz", "boolean", "text", "boolean", "bigint", "bigint");
        for (PaperOrder o : orders) {
            OrderInstruction i = o.instruction;
            rows.add(o.orderId, o.signalId.value(), o.role.name(), o.partition, o.strategyId.value(), o.token.value(),
                    o.side.name(), o.quantity, price(o.referencePrice), i.orderType().name(), i.tif().name(),
                    price(i.limitPrice()), price(i.stopPrice()), i.bracket() == null ? null : i.bracket().takeProfitPct(),
                    i.bracket() == null ? null : i.bracket().stopLossPct(), time(o.placedAt), time(o.expiresAt),
                    o.filled, o.filledCost, time(o.lastFillAt), o.triggered, o.status.name(), bracketLive.apply(o), 0L,
                    o.tickOffset);
        }
        jdbc.sql("INSERT INTO paper_orders (" + ORDER_COLUMNS + ") VALUES " + rows.values())
                .params(rows.parameters()).update();
        orders.forEach(o -> o.version = -1); // incremented to 0 by saveOrders
    }

    private int update(List<PaperOrder> orders, Function<PaperOrder, Boolean> bracketLive) {
        SqlRows rows = new SqlRows("text", "bigint", "bigint", "numeric", "timestamptz", "boolean", "text", "boolean",
                "bigint");
        for (PaperOrder o : orders) {
            rows.add(o.orderId, o.version, o.filled, o.filledCost, time(o.lastFillAt), o.triggered, o.status.name(),
                    bracketLive.apply(o), o.tickOffset);
        }
        return jdbc.sql("UPDATE paper_orders o SET filled = v.filled, filled_cost = v.filled_cost,"
                        + " last_fill_at = v.last_fill_at, triggered = v.triggered, status = v.status,"
                        + " bracket_live = v.bracket_live, tick_offset = v.tick_offset, version = o.version + 1,"
                        + " updated_at = now() FROM (VALUES " + rows.values() + ") AS v(order_id, version, filled,"
                        + " filled_cost, last_fill_at, triggered, status, bracket_live, tick_offset)"
                        + " WHERE o.order_id = v.order_id AND o.version = v.version")
                .params(rows.parameters()).update();
    }

    /** How far a tick group has written the effects of ticks, by tick partition. */
    Map<Integer, Long> tickProgress(String group) {
        Map<Integer, Long> progress = new HashMap<>();
        jdbc.sql("SELECT tick_partition, tick_offset FROM paper_tick_progress WHERE consumer_group = :group")
                .param("group", group).query(rs -> {
                    progress.put(rs.getInt(1), rs.getLong(2));
                });
        return progress;
    }

    /** Moves a tick group's progress forward (never back). */
    void saveTickProgress(String group, Map<Integer, Long> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        SqlRows rows = new SqlRows("text", "integer", "bigint");
        offsets.forEach((partition, offset) -> rows.add(group, partition, offset));
        jdbc.sql("INSERT INTO paper_tick_progress (consumer_group, tick_partition, tick_offset) VALUES " + rows.values()
                        + " ON CONFLICT (consumer_group, tick_partition) DO UPDATE"
                        + " SET tick_offset = GREATEST(paper_tick_progress.tick_offset, EXCLUDED.tick_offset)")
                .params(rows.parameters()).update();
    }

    /** The working orders and armed brackets of these partitions, oldest first. */
    List<Stored> live(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        SqlRows keys = new SqlRows("integer");
        partitions.forEach(keys::add);
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM paper_orders WHERE signal_partition IN (" + keys.values()
                        + ") AND (status IN ('OPEN', 'PARTIALLY_FILLED') OR bracket_live) ORDER BY placed_at, order_id")
                .params(keys.parameters()).query(PaperStore::stored).list();
    }

    /** An order by id. */
    Optional<Stored> order(String orderId) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM paper_orders WHERE order_id = :id").param("id", orderId)
                .query(PaperStore::stored).optional();
    }

    /** The entry order of a validated signal. */
    Optional<Stored> entryOf(EventId signalId) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM paper_orders WHERE signal_id = :id AND role = 'ENTRY'")
                .param("id", signalId.value()).query(PaperStore::stored).optional();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        BigDecimal tp = rs.getBigDecimal(14);
        BigDecimal sl = rs.getBigDecimal(15);
        OrderInstruction instruction = new OrderInstruction(OrderType.valueOf(rs.getString(10)),
                TimeInForce.valueOf(rs.getString(11)), priceOf(rs.getBigDecimal(12)), priceOf(rs.getBigDecimal(13)),
                tp == null && sl == null ? null : new OrderInstruction.Bracket(tp, sl));
        PaperOrder order = new PaperOrder(rs.getString(1), new EventId(rs.getObject(2, java.util.UUID.class)),
                StrategyId.of(rs.getString(5)), InstrumentToken.of(rs.getLong(6)), SignalType.valueOf(rs.getString(7)),
                rs.getLong(8), priceOf(rs.getBigDecimal(9)), instruction, instant(rs, 16), instant(rs, 17),
                PaperOrder.Role.valueOf(rs.getString(3)));
        order.partition = rs.getInt(4);
        order.filled = rs.getLong(18);
        order.filledCost = rs.getBigDecimal(19);
        order.lastFillAt = instant(rs, 20);
        order.triggered = rs.getBoolean(21);
        order.status = BrokerOrder.Status.valueOf(rs.getString(22));
        order.version = rs.getLong(24);
        order.tickOffset = rs.getLong(25);
        order.storedTickOffset = order.tickOffset;
        return new Stored(order, rs.getBoolean(23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal price(Price price) {
        return price == null ? null : price.value();
    }

    private static Price priceOf(BigDecimal value) {
        return value == null ? null : Price.of(value);
    }
}
