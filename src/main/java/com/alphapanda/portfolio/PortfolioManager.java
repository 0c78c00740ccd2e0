package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.NseCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portfolio manager: applies fills to the ledger exactly once and keeps the Redis read model current — written
 * after every fill, and on ticks at most once per mark interval per portfolio holding the ticked instrument.
 */
class PortfolioManager {

    private static final Logger log = LoggerFactory.getLogger(PortfolioManager.class);

    private final FillLedger ledger;
    private final OrderProjection orders;
    private final PortfolioReadModel readModel;
    private final LastPrices lastPrices;
    private final NseCalendar calendar;
    private final JdbcClient jdbc;
    private final Map<InstrumentToken, Set<PortfolioKey>> holders = new ConcurrentHashMap<>();
    private final Set<PortfolioKey> dirty = ConcurrentHashMap.newKeySet();
    private final Counter applied;
    private final Counter duplicates;

    PortfolioManager(FillLedger ledger, OrderProjection orders, PortfolioReadModel readModel, LastPrices lastPrices,
                     NseCalendar calendar, JdbcClient jdbc, MeterRegistry meters) {
        this.ledger = ledger;
        this.orders = orders;
        this.readModel = readModel;
        this.lastPrices = lastPrices;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.applied = meters.counter("portfolio_fills_total", "outcome", "applied");
        this.duplicates = meters.counter("portfolio_fills_total", "outcome", "duplicate");
    }

    /** Applies a fill once; a duplicate is skipped (not an error) but the read model is still rewritten. */
    void onFilled(Broker broker, EventId eventId, OrderFilled fill) {
        FillLedger.Outcome outcome = ledger.apply(broker, eventId, fill, calendar.tradingDate(fill.timestamp()));
        PortfolioKey key = new PortfolioKey(broker, fill.strategyId());
        if (outcome.applied()) {
            applied.increment();
            track(key, fill.instrumentToken(), outcome.quantityAfter());
        } else {
            duplicates.increment();
            log.info("Fill {} of order {} already in the ledger: skipped", fill.fillId(), fill.orderId());
        }
        refresh(key);
    }

    void onSubmitted(Broker broker, OrderSubmitted order) {
        orders.recordSubmitted(broker, order);
    }

    void onFailed(Broker broker, OrderFailed failed) {
        orders.recordFailed(broker, failed);
    }

    /** Records the tick's price and marks the portfolios holding the instrument for the next flush. */
    void onTick(MarketTick tick) {
        if (lastPrices.update(tick.instrumentToken(), tick.lastPrice().value(), tick.timestamp())) {
            Set<PortfolioKey> holding = holders.get(tick.instrumentToken());
            if (holding != null) {
                dirty.addAll(holding);
            }
        }
    }

    /** Rewrites the read model of every portfolio marked by ticks since the last flush. */
    void flushMarks() {
        for (PortfolioKey key : Set.copyOf(dirty)) {
            dirty.remove(key);
            refresh(key);
        }
    }

    /** Loads which portfolios hold which instruments and rewrites every read model from the ledger. */
    synchronized void rebuild() {
        holders.clear();
        jdbc.sql("SELECT broker, strategy_id, instrument_token FROM positions WHERE quantity <> 0")
                .query((rs, n) -> {
                    PortfolioKey key = new PortfolioKey(Broker.fromId(rs.getString(1)),
                            com.alphapanda.core.id.StrategyId.of(rs.getString(2)));
                    track(key, InstrumentToken.of(rs.getLong(3)), 1);
                    return key;
                }).list();
        readModel.portfolios().forEach(this::refresh);
        log.info("Portfolio read model rebuilt from the ledger");
    }

    /** Rebuilds when the summary of any of these brokers is gone from Redis (e.g. Redis was wiped). */
    void rebuildIfWiped(Collection<Broker> brokers) {
        if (brokers.stream().anyMatch(readModel::summaryMissing) && !readModel.portfolios().isEmpty()) {
            rebuild();
        }
    }

    /**
     * Read-model writes are serialized: each reads the ledger after the previous write, so a slower writer can never
     * overwrite a newer state with an older one.
     */
    private synchronized void refresh(PortfolioKey key) {
        readModel.refresh(key);
    }

    private void track(PortfolioKey key, InstrumentToken token, long quantityAfter) {
        if (quantityAfter != 0) {
            holders.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet()).add(key);
        } else {
            Set<PortfolioKey> holding = holders.get(token);
            if (holding != null) {
                holding.remove(key);
            }
        }
    }
}
