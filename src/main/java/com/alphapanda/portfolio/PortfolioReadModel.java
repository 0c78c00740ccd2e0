package com.alphapanda.portfolio;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.json.EventJson;
import java.math.BigDecimal;
import java.time.Clock;
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
 * rebuilt identically.
 */
public class PortfolioReadModel {

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final LastPrices lastPrices;
    private final Clock clock;

    private final LiveEvents liveEvents;

    PortfolioReadModel(JdbcClient jdbc, StringRedisTemplate redis, LastPrices lastPrices, Clock clock,
                       LiveEvents liveEvents) {
        this.liveEvents = liveEvents;
        this.jdbc = jdbc;
        this.redis = redis;
        this.lastPrices = lastPrices;
        this.clock = clock;
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

    /** Rebuilds one portfolio's read model from the ledger and writes it. */
    Optional<PortfolioView> refresh(PortfolioKey key) {
        Optional<PortfolioView> view = build(key);
        view.ifPresent(v -> {
            redis.opsForValue().set(key.redisKey(), EventJson.mapper().writeValueAsString(v));
            redis.opsForHash().put(PortfolioKey.summaryKey(key.broker()), key.strategyId().value(),
                    EventJson.mapper().writeValueAsString(v.summary()));
            liveEvents.publish(LiveEvents.PORTFOLIO, v.summary());
        });
        return view;
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
        return jdbc.sql("""
                SELECT starting_cash, cash, realized_pnl, fees, fill_count, last_fill_id FROM portfolio_accounts
                WHERE broker = :broker AND strategy_id = :strategy""")
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .query((rs, n) -> assemble(key, rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(4),
                        rs.getLong(5), rs.getString(6)))
                .optional();
    }

    private PortfolioView assemble(PortfolioKey key, BigDecimal startingCash, BigDecimal cash, BigDecimal fees,
                                   long fillCount, String lastFillId) {
        return PortfolioValuation.view(key, startingCash, cash, fees, fillCount, lastFillId, positions(key),
                clock.instant());
    }

    private record Row(InstrumentToken token, Position position, BigDecimal fees, BigDecimal storedPrice,
                       OffsetDateTime storedAt) {
    }

    private List<PortfolioView.PositionView> positions(PortfolioKey key) {
        List<Row> rows = jdbc.sql("""
                SELECT instrument_token, quantity, cost_basis, realized_pnl, fees, last_price, last_price_at
                FROM positions WHERE broker = :broker AND strategy_id = :strategy ORDER BY instrument_token""")
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .query((rs, n) -> new Row(InstrumentToken.of(rs.getLong(1)),
                        new Position(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
        return rows.stream().map(row -> PortfolioValuation.position(row.token(), row.position(),
                mark(key, row.token(), row.storedPrice(), row.storedAt()), row.fees())).toList();
    }

    /** The newest of the in-memory tick and the stored one (persisting the in-memory one when newer). */
    private BigDecimal mark(PortfolioKey key, InstrumentToken token, BigDecimal storedPrice,
                            OffsetDateTime storedAt) {
        Optional<LastPrices.Mark> live = lastPrices.of(token);
        if (live.isPresent() && (storedAt == null || live.get().at().isAfter(storedAt.toInstant()))) {
            persistMark(key, token, live.get());
            return live.get().price();
        }
        return storedPrice;
    }

    private void persistMark(PortfolioKey key, InstrumentToken token, LastPrices.Mark mark) {
        jdbc.sql("""
                UPDATE positions SET last_price = :price, last_price_at = :at
                WHERE broker = :broker AND strategy_id = :strategy AND instrument_token = :token""")
                .param("price", mark.price()).param("at", FillLedger.utc(mark.at()))
                .param("broker", key.broker().id()).param("strategy", key.strategyId().value())
                .param("token", token.value()).update();
    }

}
