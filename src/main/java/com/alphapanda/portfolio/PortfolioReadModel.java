package com.alphapanda.portfolio;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.sql.SqlRows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Redis read model of the portfolios: {@code {broker}:portfolio:{strategyId}} (a {@link PortfolioView} as JSON)
 * and the {@code {broker}:portfolios} hash (strategy id → {@link PortfolioView.Summary}). It is always written
 * whole from the ledger in PostgreSQL plus the last tick prices, so a rewrite is idempotent and a wiped Redis is
 * rebuilt identically. Several instances write it: a write is refused when the stored read model is newer
 * ({@link ReadModelWriter}: ledger position first, then the newest mark), so an older view never overwrites a newer one.
 */
public class PortfolioReadModel {

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final LastPrices lastPrices;
    private final Clock clock;

    private final LiveEvents liveEvents;
    private final ReadModelWriter writer;

    PortfolioReadModel(JdbcClient jdbc, StringRedisTemplate redis, LastPrices lastPrices, Clock clock,
                       LiveEvents liveEvents) {
        this.liveEvents = liveEvents;
        this.jdbc = jdbc;
        this.redis = redis;
        this.lastPrices = lastPrices;
        this.clock = clock;
        this.writer = new ReadModelWriter(redis);
    }

    /** The stored read model of a portfolio as JSON, if the portfolio exists. */
    public Optional<String> portfolioJson(Broker broker, StrategyId strategyId) {
        return Optional.ofNullable(redis.opsForValue().get(new PortfolioKey(broker, strategyId).redisKey()));
    }

    /** The stored summaries (JSON objects) of every portfolio of these brokers, by broker then strategy id. */
    public List<String> summariesJson(Collection<Broker> brokers) {
        List<String> all = new ArrayList<>();
        for (Broker broker : brokers.stream().sorted().toList()) {
            redis.<String, String>opsForHash().entries(PortfolioKey.summaryKey(broker)).entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> all.add(e.getValue()));
        }
        return all;
    }

    /**
     * Rebuilds one portfolio's read model from the ledger and writes it, unless a newer one is stored (then the
     * stored one stays and nothing is announced). Returns the view built.
     */
    Optional<PortfolioView> refresh(PortfolioKey key) {
        Optional<Built> built = buildVersioned(key);
        built.ifPresent(b -> {
            if (writer.write(key, b.version(), EventJson.mapper().writeValueAsString(b.view()),
                    EventJson.mapper().writeValueAsString(b.view().summary()))) {
                liveEvents.publish(LiveEvents.PORTFOLIO, b.view().summary());
            }
        });
        return built.map(Built::view);
    }

    /** Every portfolio in the ledger. */
    List<PortfolioKey> portfolios() {
        return jdbc.sql("SELECT broker, strategy_id FROM portfolio_accounts ORDER BY broker, strategy_id")
                .query((rs, n) -> new PortfolioKey(Broker.fromId(rs.getString(1)), StrategyId.of(rs.getString(2))))
                .list();
    }

    boolean summaryMissing(Broker broker) {
        return !Boolean.TRUE.equals(redis.hasKey(PortfolioKey.summaryKey(broker)));
    }

    Optional<PortfolioView> build(PortfolioKey key) {
        return buildVersioned(key).map(Built::view);
    }

    /** A view built from the ledger, with its version. */
    record Built(PortfolioView view, ReadModelWriter.Version version) {
    }

    Optional<Built> buildVersioned(PortfolioKey key) {
        return jdbc.sql("""
                SELECT starting_cash, cash, realized_pnl, fees, fill_count, last_fill_id FROM portfolio_accounts
                WHERE broker = :broker AND strategy_id = :strategy""")
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .query((rs, n) -> assemble(key, rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(4),
                        rs.getLong(5), rs.getString(6)))
                .optional();
    }

    private Built assemble(PortfolioKey key, BigDecimal startingCash, BigDecimal cash, BigDecimal fees,
                           long fillCount, String lastFillId) {
        List<Row> rows = rows(key);
        Instant markedAt = null;
        List<PortfolioView.PositionView> positions = new ArrayList<>();
        SqlRows newerMarks = new SqlRows("text", "text", "bigint", "numeric", "timestamptz");
        for (Row row : rows) {
            LastPrices.Mark mark = mark(key, row, newerMarks);
            if (mark != null && mark.at() != null && (markedAt == null || mark.at().isAfter(markedAt))) {
                markedAt = mark.at();
            }
            positions.add(PortfolioValuation.position(row.token(), row.position(),
                    mark == null ? null : mark.price(), row.fees()));
        }
        persistMarks(newerMarks);
        PortfolioView view = PortfolioValuation.view(key, startingCash, cash, fees, fillCount, lastFillId, positions,
                clock.instant());
        return new Built(view, new ReadModelWriter.Version(fillCount, markedAt));
    }

    private record Row(InstrumentToken token, Position position, BigDecimal fees, BigDecimal storedPrice,
                       OffsetDateTime storedAt) {
    }

    private List<Row> rows(PortfolioKey key) {
        return jdbc.sql("""
                SELECT instrument_token, quantity, cost_basis, realized_pnl, fees, last_price, last_price_at
                FROM positions WHERE broker = :broker AND strategy_id = :strategy ORDER BY instrument_token""")
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .query((rs, n) -> new Row(InstrumentToken.of(rs.getLong(1)),
                        new Position(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /**
     * The newest of the in-memory tick and the stored one (adding the in-memory one to {@code newer}, to be stored,
     * when newer); null when there is neither.
     */
    private LastPrices.Mark mark(PortfolioKey key, Row row, SqlRows newer) {
        Optional<LastPrices.Mark> live = lastPrices.of(row.token());
        OffsetDateTime storedAt = row.storedAt();
        if (live.isPresent() && (storedAt == null || live.get().at().isAfter(storedAt.toInstant()))) {
            newer.add(key.broker().id(), key.strategyId().value(), row.token().value(), live.get().price(),
                    FillLedger.utc(live.get().at()));
            return live.get();
        }
        if (row.storedPrice() == null) {
            return null;
        }
        return new LastPrices.Mark(row.storedPrice(), storedAt == null ? null : storedAt.toInstant());
    }

    /** Stores a portfolio's newer marks in one statement (a mark never replaces a newer one stored meanwhile). */
    private void persistMarks(SqlRows marks) {
        if (marks.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE positions p SET last_price = v.price, last_price_at = v.at FROM (VALUES " + marks.values()
                        + ") AS v(broker, strategy_id, instrument_token, price, at) WHERE p.broker = v.broker"
                        + " AND p.strategy_id = v.strategy_id AND p.instrument_token = v.instrument_token"
                        + " AND (p.last_price_at IS NULL OR p.last_price_at < v.at)")
                .params(marks.parameters()).update();
    }

}
