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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    private final SnapshotProducer snapshots;
    private final Map<InstrumentToken, Set<PortfolioKey>> holders = new ConcurrentHashMap<>();
    private final Set<PortfolioKey> dirty = ConcurrentHashMap.newKeySet();
    /** Portfolios whose fills of the current batch are not in the read model yet. */
    private final Set<PortfolioKey> pending = ConcurrentHashMap.newKeySet();
    /** Fills of the batch a consumer thread is processing, not yet in the ledger. */
    private final ThreadLocal<List<FillLedger.Entry>> pendingFills = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<List<OrderProjection.Recorded<OrderSubmitted>>> pendingSubmitted =
            ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<List<OrderProjection.Recorded<OrderFailed>>> pendingFailed =
            ThreadLocal.withInitial(ArrayList::new);
    private final Counter applied;
    private final Counter duplicates;

    PortfolioManager(FillLedger ledger, OrderProjection orders, PortfolioReadModel readModel, LastPrices lastPrices,
                     NseCalendar calendar, JdbcClient jdbc, SnapshotProducer snapshots, MeterRegistry meters) {
        this.ledger = ledger;
        this.orders = orders;
        this.readModel = readModel;
        this.lastPrices = lastPrices;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.applied = meters.counter("portfolio_fills_total", "outcome", "applied");
        this.duplicates = meters.counter("portfolio_fills_total", "outcome", "duplicate");
    }

    /**
     * Takes a fill of the current batch: it is applied to the ledger once, with the batch's other fills, by
     * {@link #applyPending} in the batch's database transaction (a duplicate is skipped, not an error, but the read
     * model is still rewritten). The read model is written by {@link #flushPending} after the batch commits, once per
     * touched portfolio — or at once when a snapshot of the portfolio falls due before this fill, so that the
     * snapshot shows every fill before it.
     */
    void onFilled(Broker broker, EventId eventId, OrderFilled fill) {
        PortfolioKey key = new PortfolioKey(broker, fill.strategyId());
        if (pending.contains(key) && snapshots.due(key, fill.timestamp())) {
            applyPending();
            refresh(key);
        }
        snapshots.advance(key, fill.timestamp());
        pendingFills.get().add(new FillLedger.Entry(broker, eventId, fill, calendar.tradingDate(fill.timestamp())));
        pending.add(key);
    }

    /**
     * Applies this thread's pending order events: submissions and failures to the order view, then the fills to the
     * ledger, in order, one statement each.
     */
    void applyPending() {
        orders.recordSubmitted(List.copyOf(pendingSubmitted.get()));
        pendingSubmitted.get().clear();
        orders.recordFailed(List.copyOf(pendingFailed.get()));
        pendingFailed.get().clear();
        List<FillLedger.Entry> entries = List.copyOf(pendingFills.get());
        pendingFills.get().clear();
        List<FillLedger.Outcome> outcomes = ledger.applyAll(entries);
        for (int i = 0; i < entries.size(); i++) {
            FillLedger.Entry entry = entries.get(i);
            OrderFilled fill = entry.fill();
            if (outcomes.get(i).applied()) {
                applied.increment();
                track(new PortfolioKey(entry.broker(), fill.strategyId()), fill.instrumentToken(),
                        outcomes.get(i).quantityAfter());
            } else {
                duplicates.increment();
                log.info("Fill {} of order {} already in the ledger: skipped", fill.fillId(), fill.orderId());
            }
        }
    }

    /** Rewrites the read model of every portfolio touched by the batch just committed. */
    void flushPending() {
        for (PortfolioKey key : Set.copyOf(pending)) {
            refresh(key);
            pending.remove(key);
        }
    }

    /** The batch's ledger work was rolled back: its fills will be applied again. */
    void forgetPending() {
        pending.clear();
        pendingFills.get().clear();
        pendingSubmitted.get().clear();
        pendingFailed.get().clear();
    }

    /** Takes a submission of the current batch: written with the batch's others by {@link #applyPending}. */
    void onSubmitted(Broker broker, OrderSubmitted order) {
        pendingSubmitted.get().add(new OrderProjection.Recorded<>(broker, order));
    }

    /** Takes a failure of the current batch: written with the batch's others by {@link #applyPending}. */
    void onFailed(Broker broker, OrderFailed failed) {
        pendingFailed.get().add(new OrderProjection.Recorded<>(broker, failed));
    }

    /**
     * Advances the event clocks of the portfolios holding the instrument (snapshots due before the tick are taken
     * first), records the tick's price and marks those portfolios for the next flush.
     */
    void onTick(MarketTick tick) {
        Set<PortfolioKey> holding = holders.get(tick.instrumentToken());
        if (holding != null) {
            Set.copyOf(holding).forEach(key -> snapshots.advance(key, tick.timestamp()));
        }
        if (lastPrices.update(tick.instrumentToken(), tick.lastPrice().value(), tick.timestamp()) && holding != null) {
            dirty.addAll(holding);
        }
    }

    /** Rewrites one portfolio's read model from the ledger (the repair of a reconciliation discrepancy). */
    void repair(PortfolioKey key) {
        refresh(key);
        log.info("Read model of {} rebuilt from the ledger", key.portfolioId());
    }

    /**
     * Rewrites the read model of every portfolio marked by ticks since the last flush; when {@code write} is false
     * (another instance runs the marks job) the marks are only forgotten.
     */
    void flushMarks(boolean write) {
        for (PortfolioKey key : Set.copyOf(dirty)) {
            dirty.remove(key);
            if (write) {
                refresh(key);
            }
        }
    }

    /**
     * Loads which portfolios hold which instruments from the ledger: every instance's fills count, not only those
     * applied here.
     */
    void loadHolders() {
        Map<InstrumentToken, Set<PortfolioKey>> loaded = new ConcurrentHashMap<>();
        jdbc.sql("SELECT broker, strategy_id, instrument_token FROM positions WHERE quantity <> 0")
                .query((rs, n) -> loaded.computeIfAbsent(InstrumentToken.of(rs.getLong(3)),
                        t -> ConcurrentHashMap.newKeySet()).add(new PortfolioKey(Broker.fromId(rs.getString(1)),
                        com.alphapanda.core.id.StrategyId.of(rs.getString(2)))))
                .list();
        holders.keySet().retainAll(loaded.keySet());
        loaded.forEach((token, keys) -> holders.merge(token, keys, (old, fresh) -> {
            old.retainAll(fresh);
            old.addAll(fresh);
            return old;
        }));
    }

    /** Loads which portfolios hold which instruments and rewrites every read model from the ledger. */
    synchronized void rebuild() {
        loadHolders();
        readModel.portfolios().forEach(this::refresh);
        log.info("Portfolio read model rebuilt from the ledger");
    }

    /**
     * Rebuilds when the summary of any of these brokers that has portfolios is gone from Redis (e.g. Redis was
     * wiped). A broker without portfolios has no summary, and that is no reason to rebuild.
     */
    void rebuildIfWiped(Collection<Broker> brokers) {
        Set<Broker> withPortfolios = readModel.portfolios().stream().map(PortfolioKey::broker)
                .collect(java.util.stream.Collectors.toSet());
        if (brokers.stream().filter(withPortfolios::contains).anyMatch(readModel::summaryMissing)) {
            rebuild();
        }
    }

    /**
     * Read-model writes of this instance are serialized (each reads the ledger after the previous write); across
     * instances the read model refuses a write older than the one stored ({@link ReadModelWriter}).
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
