package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.sql.SqlRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fills ledger. A fill is applied exactly once: its id is the primary key of {@code fills}, inserted in the same
 * database transaction as the position, account and order changes it causes. A fill whose id is already there (a
 * redelivery after the Kafka transaction aborted, a duplicate, a replay) changes nothing. Each applied fill gets its
 * portfolio's ledger position {@code ledger_seq} (1, 2, ...: the account's fill count after it, assigned under the
 * account row lock), by which snapshots are reconciled.
 * <p>
 * Fills are applied a batch at a time: the accounts of the batch are locked (in key order, so concurrent appliers
 * cannot deadlock), the fills already in the ledger are skipped, the positions are computed in memory in fill order,
 * and each table is written with one multi-row statement.
 */
class FillLedger {

    /** What applying a fill did; {@code quantityAfter} is the instrument's position after it. */
    record Outcome(boolean applied, long quantityAfter) {
    }

    /** A fill to apply: its broker, the id of its event and its IST trading date. */
    record Entry(Broker broker, EventId eventId, OrderFilled fill, LocalDate tradeDate) {
        AccountKey account() {
            return new AccountKey(broker.id(), fill.strategyId().value());
        }

        PositionKey position() {
            return new PositionKey(broker.id(), fill.strategyId().value(), fill.instrumentToken().value());
        }
    }

    private record AccountKey(String broker, String strategy) {
    }

    private record PositionKey(String broker, String strategy, long token) {
    }

    private record Account(BigDecimal cash, BigDecimal realized, BigDecimal fees, long fillCount, String lastFillId) {
        Account after(OrderFilled fill, BigDecimal realizedDelta) {
            BigDecimal flow = Position.cashFlow(fill.side(), fill.quantity().value(), fill.fillPrice().value(),
                    fill.fees().value());
            return new Account(cash.add(flow), realized.add(realizedDelta), fees.add(fill.fees().value()),
                    fillCount + 1, fill.fillId());
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PortfolioProperties properties;

    FillLedger(JdbcClient jdbc, TransactionTemplate transactions, PortfolioProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    Outcome apply(Broker broker, EventId eventId, OrderFilled fill, LocalDate tradeDate) {
        return applyAll(List.of(new Entry(broker, eventId, fill, tradeDate))).getFirst();
    }

    /** Applies fills in order (joining the caller's database transaction if there is one); one outcome per entry. */
    List<Outcome> applyAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> applyInTransaction(entries));
    }

    private List<Outcome> applyInTransaction(List<Entry> entries) {
        Set<AccountKey> accountKeys = new LinkedHashSet<>();
        entries.forEach(e -> accountKeys.add(e.account()));
        ensureAccounts(accountKeys);
        Map<AccountKey, Account> accounts = lockAccounts(accountKeys);
        Set<String> seen = existingFills(entries);
        Map<PositionKey, Position> positions = lockPositions(entries);
        Map<PositionKey, BigDecimal> feesByPosition = new LinkedHashMap<>();
        Set<AccountKey> touched = new LinkedHashSet<>();
        SqlRows fillRows = new SqlRows("text", "text", "text", "bigint", "text", "text", "bigint", "numeric",
                "numeric", "numeric", "timestamptz", "date", "uuid", "bigint");
        List<Outcome> outcomes = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            OrderFilled fill = e.fill();
            if (!seen.add(fill.fillId())) {
                outcomes.add(new Outcome(false, 0));
                continue;
            }
            PositionKey pk = e.position();
            Position.Applied applied = positions.getOrDefault(pk, Position.FLAT)
                    .apply(fill.side(), fill.quantity().value(), fill.fillPrice().value());
            positions.put(pk, applied.position());
            feesByPosition.merge(pk, fill.fees().value(), BigDecimal::add);
            Account account = accounts.get(e.account()).after(fill, applied.realizedDelta());
            accounts.put(e.account(), account);
            touched.add(e.account());
            fillRows.add(fill.fillId(), e.broker().id(), fill.strategyId().value(), fill.instrumentToken().value(),
                    fill.orderId(), fill.side().name(), fill.quantity().value(), fill.fillPrice().value(),
                    fill.fees().value(), applied.realizedDelta(), utc(fill.timestamp()), e.tradeDate(),
                    e.eventId().value(), account.fillCount());
            outcomes.add(new Outcome(true, applied.position().quantity()));
        }
        if (!fillRows.isEmpty()) {
            insertFills(fillRows);
            savePositions(positions, feesByPosition);
            saveAccounts(accounts, touched);
            OrderProjection.recordFills(jdbc, entries, outcomes);
        }
        return outcomes;
    }

    private void ensureAccounts(Set<AccountKey> keys) {
        SqlRows rows = new SqlRows("text", "text", "numeric", "numeric");
        keys.forEach(k -> {
            BigDecimal start = properties.startingCashOf(k.strategy());
            rows.add(k.broker(), k.strategy(), start, start);
        });
        jdbc.sql("INSERT INTO portfolio_accounts (broker, strategy_id, starting_cash, cash) VALUES " + rows.values()
                + " ON CONFLICT DO NOTHING").params(rows.parameters()).update();
    }

    private Map<AccountKey, Account> lockAccounts(Set<AccountKey> keys) {
        SqlRows rows = new SqlRows("text", "text");
        keys.forEach(k -> rows.add(k.broker(), k.strategy()));
        Map<AccountKey, Account> accounts = new HashMap<>();
        jdbc.sql("SELECT broker, strategy_id, cash, realized_pnl, fees, fill_count, last_fill_id FROM portfolio_accounts"
                        + " WHERE (broker, strategy_id) IN (" + rows.values() + ") ORDER BY broker, strategy_id FOR UPDATE")
                .params(rows.parameters())
                .query(rs -> {
                    accounts.put(new AccountKey(rs.getString(1), rs.getString(2)), new Account(rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6), rs.getString(7)));
                });
        return accounts;
    }

    private Set<String> existingFills(List<Entry> entries) {
        SqlRows rows = new SqlRows("text");
        entries.forEach(e -> rows.add(e.fill().fillId()));
        return new HashSet<>(jdbc.sql("SELECT fill_id FROM fills WHERE fill_id IN (" + rows.values() + ")")
                .params(rows.parameters()).query(String.class).list());
    }

    private Map<PositionKey, Position> lockPositions(List<Entry> entries) {
        Set<PositionKey> keys = new LinkedHashSet<>();
        entries.forEach(e -> keys.add(e.position()));
        SqlRows rows = new SqlRows("text", "text", "bigint");
        keys.forEach(k -> rows.add(k.broker(), k.strategy(), k.token()));
        Map<PositionKey, Position> positions = new HashMap<>();
        jdbc.sql("SELECT broker, strategy_id, instrument_token, quantity, cost_basis, realized_pnl FROM positions"
                        + " WHERE (broker, strategy_id, instrument_token) IN (" + rows.values() + ")"
                        + " ORDER BY broker, strategy_id, instrument_token FOR UPDATE")
                .params(rows.parameters())
                .query(rs -> {
                    positions.put(new PositionKey(rs.getString(1), rs.getString(2), rs.getLong(3)),
                            new Position(rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
                });
        return positions;
    }

    private void insertFills(SqlRows rows) {
        jdbc.sql("""
                INSERT INTO fills (fill_id, broker, strategy_id, instrument_token, order_id, side, quantity, price,
                                   fees, realized_pnl, event_time, trade_date, event_id, ledger_seq)
                VALUES\s""" + rows.values()).params(rows.parameters()).update();
    }

    private void savePositions(Map<PositionKey, Position> positions, Map<PositionKey, BigDecimal> feesByPosition) {
        SqlRows rows = new SqlRows("text", "text", "bigint", "bigint", "numeric", "numeric", "numeric");
        feesByPosition.forEach((k, fees) -> {
            Position p = positions.get(k);
            rows.add(k.broker(), k.strategy(), k.token(), p.quantity(), p.costBasis(), p.realized(), fees);
        });
        jdbc.sql("INSERT INTO positions (broker, strategy_id, instrument_token, quantity, cost_basis, realized_pnl, fees)"
                + " VALUES " + rows.values() + """
                 ON CONFLICT (broker, strategy_id, instrument_token) DO UPDATE SET quantity = EXCLUDED.quantity,
                    cost_basis = EXCLUDED.cost_basis, realized_pnl = EXCLUDED.realized_pnl,
                    fees = positions.fees + EXCLUDED.fees, updated_at = now()""")
                .params(rows.parameters()).update();
    }

    private void saveAccounts(Map<AccountKey, Account> accounts, Set<AccountKey> touched) {
        SqlRows rows = new SqlRows("text", "text", "numeric", "numeric", "numeric", "bigint", "text");
        touched.forEach(k -> {
            Account a = accounts.get(k);
            rows.add(k.broker(), k.strategy(), a.cash(), a.realized(), a.fees(), a.fillCount(), a.lastFillId());
        });
        jdbc.sql("UPDATE portfolio_accounts a SET cash = v.cash, realized_pnl = v.realized, fees = v.fees,"
                        + " fill_count = v.fill_count, last_fill_id = v.last_fill_id, updated_at = now()"
                        + " FROM (VALUES " + rows.values() + ") AS v(broker, strategy_id, cash, realized, fees,"
                        + " fill_count, last_fill_id) WHERE a.broker = v.broker AND a.strategy_id = v.strategy_id")
                .params(rows.parameters()).update();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
