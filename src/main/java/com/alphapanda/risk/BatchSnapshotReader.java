package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioQueries.Holding;
import com.alphapanda.risk.BatchSnapshot.Day;
import com.alphapanda.risk.BatchSnapshot.Planned;
import com.alphapanda.risk.BatchSnapshot.Portfolio;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database side of a batch of signals: the batch's portfolios are locked, then everything the batch reads is
 * read in one statement. Both run in the batch's database transaction.
 *
 * <p>Locks: one transaction-scoped advisory lock per strategy and broker ({@code pg_advisory_xact_lock(RISK, key)}),
 * taken in ascending key order in one statement, so two transactions never wait for each other in a cycle. The
 * lock covers the day's trade count (any date) and the exposure of every instrument of the strategy (open positions
 * and notional span instruments). It is held until the batch's decisions commit, so the next transaction to judge a
 * signal of the strategy — on this instance or another — reads them. The read runs after the lock is granted and,
 * under PostgreSQL's READ COMMITTED, sees every decision committed before. Being one statement, it reads positions,
 * orders and decisions in one snapshot: a fill applied meanwhile is never missed nor counted twice.
 */
final class BatchSnapshotReader {

    /** The advisory-lock namespace of the risk manager ("RISK"). */
    static final int LOCK_NAMESPACE = 0x5249534B;

    private final JdbcClient jdbc;
    private final EventCodec codec = new EventCodec();

    BatchSnapshotReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lock key of a strategy at a broker: stable across JVMs ({@link String#hashCode} is specified). */
    static int lockKey(Portfolio portfolio) {
        return (portfolio.broker().id() + ":" + portfolio.strategy().value()).hashCode();
    }

    /** Takes the batch's locks (waiting for other transactions holding them) and reads its snapshot. */
    BatchSnapshot lockAndRead(Collection<Planned> planned) {
        lock(planned);
        return read(planned);
    }

    private void lock(Collection<Planned> planned) {
        Set<Integer> keys = new TreeSet<>();
        planned.forEach(p -> keys.add(lockKey(p.portfolio())));
        List<Object> params = new ArrayList<>();
        params.add(LOCK_NAMESPACE);
        params.addAll(keys);
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?, k) FROM (VALUES "
                        + rows(keys.size(), "(?::int)") + ") v(k) ORDER BY k) locked")
                .params(params).query(Long.class).single();
    }

    private BatchSnapshot read(Collection<Planned> planned) {
        BatchSnapshot snapshot = new BatchSnapshot();
        snapshot.expect(planned);
        Set<Day> days = new LinkedHashSet<>();
        planned.forEach(p -> days.add(p.day()));
        List<Object> params = new ArrayList<>();
        snapshot.since.forEach((portfolio, since) -> params.addAll(List.of(portfolio.broker().id(),
                portfolio.strategy().value(), OffsetDateTime.ofInstant(since, ZoneOffset.UTC))));
        days.forEach(d -> params.addAll(List.of(d.broker().id(), d.strategy().value(), d.date())));
        planned.forEach(p -> params.add(p.signalId().value()));
        String sql = SNAPSHOT.formatted(rows(snapshot.since.size(), "(?::varchar, ?::varchar, ?::timestamptz)"),
                rows(days.size(), "(?::varchar, ?::varchar, ?::date)"), rows(planned.size(), "(?::uuid)"));
        jdbc.sql(sql).params(params).query(rs -> {
            add(snapshot, rs);
        });
        return snapshot;
    }

    private void add(BatchSnapshot snapshot, ResultSet rs) throws SQLException {
        Portfolio portfolio = new Portfolio(Broker.fromId(rs.getString(2)), StrategyId.of(rs.getString(3)));
        switch (rs.getString(1)) {
            case "H" -> snapshot.holdings.get(portfolio).put(InstrumentToken.of(rs.getLong(4)),
                    new Holding(rs.getLong(7), rs.getBigDecimal(8)));
            case "W" -> snapshot.working(portfolio).add(InstrumentToken.of(rs.getLong(4)),
                    SignalType.valueOf(rs.getString(5)), rs.getLong(7), rs.getBigDecimal(8));
            case "R" -> snapshot.realized.put(day(portfolio, rs), rs.getBigDecimal(8));
            case "C" -> snapshot.validated.put(day(portfolio, rs), rs.getLong(7));
            case "D" -> {
                var decision = codec.decode(rs.getString(9).getBytes(StandardCharsets.UTF_8), RiskDecisionEvent.class);
                snapshot.decisions.put(decision.causationId(), decision);
            }
            default -> throw new IllegalStateException("unknown snapshot row " + rs.getString(1));
        }
    }

    private static Day day(Portfolio portfolio, ResultSet rs) throws SQLException {
        return new Day(portfolio.broker(), portfolio.strategy(), rs.getObject(6, LocalDate.class));
    }

    private static String rows(int count, String row) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    /**
     * In flight: a validated signal judged after {@code since} (the last session close before the batch's signals:
     * DAY orders expire at the close) whose order is not known yet (the whole quantity), or is known and neither
     * ended (failed, cancelled, expired) nor fully filled (the remaining quantity; what filled is in the positions).
     * Its order is the portfolio's order view row of the same side carrying the validated signal's id, or the row
     * whose order id is that id (a refusal before any order was placed). A signal found with nothing remaining is
     * marked {@code settled} in the same statement (an ended order never comes back), so that later batches scan
     * only what may still be in flight.
     */
    private static final String SNAPSHOT = """
            WITH p(broker, strategy_id, since) AS (VALUES %s),
                 d(broker, strategy_id, trade_date) AS (VALUES %s),
                 s(signal_id) AS (VALUES %s),
                 working AS (
                   SELECT r.signal_id, r.broker, r.strategy_id, r.instrument_token, r.side, r.reference_price,
                          CASE WHEN refused.order_id IS NOT NULL THEN 0
                               WHEN o.order_id IS NULL THEN r.quantity
                               WHEN o.failure_code IS NOT NULL THEN 0
                               ELSE GREATEST(COALESCE(o.quantity, r.quantity) - o.filled_quantity, 0) END AS remaining
                   FROM risk_decisions r
                   JOIN p ON r.broker = p.broker AND r.strategy_id = p.strategy_id AND r.signal_time > p.since
                   LEFT JOIN orders refused ON refused.order_id = r.decision_id::text
                                           AND refused.failure_code IS NOT NULL
                   LEFT JOIN LATERAL (SELECT o.order_id, o.quantity, o.filled_quantity, o.failure_code FROM orders o
                                      WHERE o.signal_id = r.decision_id AND o.side = r.side
                                      ORDER BY o.submitted_at NULLS LAST, o.order_id LIMIT 1) o ON true
                   WHERE r.validated AND NOT r.settled AND r.decision_id IS NOT NULL),
                 settled AS (
                   UPDATE risk_decisions r SET settled = true FROM working w
                   WHERE w.remaining = 0 AND r.signal_id = w.signal_id)
            SELECT 'H', pos.broker, pos.strategy_id, pos.instrument_token, NULL, NULL::date, pos.quantity,
                   pos.cost_basis, NULL
            FROM positions pos JOIN p ON pos.broker = p.broker AND pos.strategy_id = p.strategy_id
            WHERE pos.quantity <> 0
            UNION ALL
            SELECT 'W', broker, strategy_id, instrument_token, side, NULL, SUM(remaining),
                   SUM(remaining * COALESCE(reference_price, 0)), NULL
            FROM working WHERE remaining > 0 GROUP BY broker, strategy_id, instrument_token, side
            UNION ALL
            SELECT 'R', f.broker, f.strategy_id, NULL, NULL, f.trade_date, NULL, SUM(f.realized_pnl), NULL
            FROM fills f JOIN d ON f.broker = d.broker AND f.strategy_id = d.strategy_id AND f.trade_date = d.trade_date
            GROUP BY f.broker, f.strategy_id, f.trade_date
            UNION ALL
            SELECT 'C', r.broker, r.strategy_id, NULL, NULL, r.trade_date, count(*), NULL, NULL
            FROM risk_decisions r
            JOIN d ON r.broker = d.broker AND r.strategy_id = d.strategy_id AND r.trade_date = d.trade_date
            WHERE r.validated GROUP BY r.broker, r.strategy_id, r.trade_date
            UNION ALL
            SELECT 'D', broker, strategy_id, NULL, NULL, NULL, NULL, NULL, envelope
            FROM risk_decisions WHERE signal_id IN (SELECT signal_id FROM s)""";
}
