package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.portfolio.PortfolioQueries;
import com.alphapanda.risk.BatchSnapshot.Day;
import com.alphapanda.risk.BatchSnapshot.Planned;
import com.alphapanda.risk.BatchSnapshot.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exposure the risk manager judges one batch of signals with, per consumer thread: when the batch's database
 * transaction judges its first signal, the batch's portfolios are locked and their holdings, what is in flight, the
 * day's realized PnL and validated counts and the decisions already recorded are read in one statement
 * ({@link BatchSnapshotReader}); the batch's own decisions are added as it makes them. {@link #forget Forgotten}
 * when the transaction ends (its locks end with it). Fills cannot change the snapshot through this stage: they are
 * applied by the portfolio manager, whose changes the next batch reads.
 */
final class BatchExposure implements PortfolioQueries {

    /** A session close is searched for at most this many days back (weekends and holiday runs are shorter). */
    private static final int CLOSE_SEARCH_DAYS = 30;

    private final PortfolioQueries ledger;
    private final BatchSnapshotReader reader;
    private final NseCalendar calendar;
    private final ThreadLocal<List<Planned>> plan = ThreadLocal.withInitial(List::of);
    private final ThreadLocal<BatchSnapshot> snapshot = new ThreadLocal<>();

    BatchExposure(PortfolioQueries ledger, BatchSnapshotReader reader, NseCalendar calendar) {
        this.ledger = ledger;
        this.reader = reader;
        this.calendar = calendar;
    }

    /** A signal as the batch plans it: its trading date and since when its strategy's signals are in flight. */
    Planned planned(EventId signalId, Broker broker, StrategyId strategy, Instant at) {
        return new Planned(signalId, broker, strategy, calendar.tradingDate(at), lastSessionCloseAtOrBefore(calendar, at));
    }

    /** The signals of the next poll: read together when the first of them is judged. */
    void plan(List<Planned> signals) {
        plan.set(List.copyOf(signals));
    }

    /** The snapshot {@code signal} is judged with: locked and read for the whole plan on first use. */
    BatchSnapshot snapshotFor(Planned signal) {
        BatchSnapshot current = snapshot.get();
        if (current == null) {
            List<Planned> all = new ArrayList<>(plan.get());
            all.add(signal);
            current = reader.lockAndRead(all);
            snapshot.set(current);
        } else if (!current.covers(signal)) {
            current.merge(reader.lockAndRead(List.of(signal)));
        }
        return current;
    }

    /** What is in flight for a strategy at a broker, as of the current snapshot. */
    WorkingOrders working(Broker broker, StrategyId strategyId) {
        return current().working(new Portfolio(broker, strategyId));
    }

    long validatedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
        return current().validated(new Day(broker, strategyId, tradeDate));
    }

    @Override
    public Map<InstrumentToken, Holding> holdings(Broker broker, StrategyId strategyId) {
        return Map.copyOf(current().holdings(new Portfolio(broker, strategyId)));
    }

    @Override
    public BigDecimal realizedOn(Broker broker, StrategyId strategyId, LocalDate tradeDate) {
        return current().realized(new Day(broker, strategyId, tradeDate));
    }

    @Override
    public BigDecimal startingCash(Broker broker, StrategyId strategyId) {
        return ledger.startingCash(broker, strategyId);
    }

    /** Not used by the risk manager; read from the ledger. */
    @Override
    public Exposure openExposure(StrategyId strategyId) {
        return ledger.openExposure(strategyId);
    }

    /** The batch's database transaction ended (committed or rolled back): the next one locks and reads again. */
    void forget() {
        snapshot.remove();
    }

    private BatchSnapshot current() {
        BatchSnapshot current = snapshot.get();
        if (current == null) {
            throw new IllegalStateException("no snapshot read for this batch");
        }
        return current;
    }

    /**
     * Validated signals judged at or before this instant are no longer in flight: it is the last session close at
     * or before {@code at}, where every DAY order placed before it expired (IOC and FOK orders end at once).
     */
    static Instant lastSessionCloseAtOrBefore(NseCalendar calendar, Instant at) {
        LocalDate date = calendar.tradingDate(at);
        for (int i = 0; i < CLOSE_SEARCH_DAYS; i++, date = date.minusDays(1)) {
            if (calendar.isTradingDay(date) && !calendar.sessionClose(date).isAfter(at)) {
                return calendar.sessionClose(date);
            }
        }
        return calendar.sessionClose(date);
    }
}
