package com.alphapanda.backtest;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.execution.paper.PaperSimulator;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.portfolio.PortfolioBook;
import com.alphapanda.portfolio.PortfolioView;
import com.alphapanda.risk.RiskCheck;
import com.alphapanda.strategy.StrategyDefinition;
import com.alphapanda.strategy.StrategySet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One backtest: the ticks in event-time order through the live classes, in-process — per tick, the paper venue first
 * (resting orders, stops, brackets, expiry), then the marks of the portfolio and the risk manager, then the
 * strategies, whose signals are judged by the risk rules and placed at the venue at once; every fill is applied to
 * the portfolio book as it happens. Every strategy trades at the paper venue, whatever its target brokers. Ids are
 * counters, so the same inputs give the same orders, fills and report. One use: {@link #run} once.
 */
public final class Backtest {

    /** Told how far the run is; called every {@link #PROGRESS_EVERY} ticks read and at the end. */
    public interface Progress {
        void update(long ticksRead, long bytesRead, long totalBytes);
    }

    static final Broker VENUE = Broker.PAPER;
    static final int PROGRESS_EVERY = 1 << 14;
    private static final long TICK_IDS = 0x7469636b00000000L;
    private static final long SIGNAL_IDS = 0x7369676e00000000L;

    private final StrategySet strategies;
    private final BacktestSettings settings;
    private final NseCalendar calendar;
    private final PortfolioBook book;
    private final RiskCheck risk;
    private final PaperSimulator venue;
    private final Map<StrategyId, StrategyTally> tallies = new LinkedHashMap<>();
    private final Map<StrategyId, EquityCurve> curves = new LinkedHashMap<>();
    private final Map<StrategyId, String> types = new LinkedHashMap<>();
    private TradeJournal journal;
    private long ids;
    private long signalIds;

    public Backtest(List<StrategyDefinition> definitions, BacktestSettings settings, NseCalendar calendar) {
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("no strategy to backtest");
        }
        this.strategies = StrategySet.of(definitions, calendar);
        this.settings = settings;
        this.calendar = calendar;
        this.book = new PortfolioBook(id -> settings.startingCash(), calendar);
        this.risk = new RiskCheck(settings.risk(), book, calendar);
        this.venue = new PaperSimulator(settings.venue(), calendar, () -> "bt-" + (++ids));
        for (StrategyDefinition d : strategies.definitions()) {
            tallies.put(d.id(), new StrategyTally());
            curves.put(d.id(), new EquityCurve(settings.startingCash()));
            types.put(d.id(), d.type());
        }
    }

    /** Runs every tick of the files, writing fills and orders to the journal; an empty range is refused. */
    Outcome run(TickFiles ticks, TradeJournal journal, Progress progress) {
        this.journal = journal;
        long read = 0;
        long used = 0;
        Instant first = null;
        Instant last = null;
        long minute = Long.MIN_VALUE;
        MarketTick tick;
        while ((tick = ticks.next()) != null) {
            read++;
            if ((read & (PROGRESS_EVERY - 1)) == 0) {
                progress.update(read, ticks.bytesRead(), ticks.totalBytes());
            }
            LocalDate date = calendar.tradingDate(tick.timestamp());
            if (!settings.includes(date)) {
                continue;
            }
            long tickMinute = Math.floorDiv(tick.timestamp().getEpochSecond(), 60);
            if (tickMinute != minute && last != null) {
                sample(last);
            }
            minute = tickMinute;
            on(new EventId(new UUID(TICK_IDS, ++used)), tick);
            first = first == null ? tick.timestamp() : first;
            last = tick.timestamp();
        }
        progress.update(read, ticks.bytesRead(), ticks.totalBytes());
        if (used == 0) {
            throw new IllegalArgumentException("empty range: no tick " + range() + " in the tick files (" + read
                    + " ticks read)");
        }
        sample(last);
        journal.finish();
        return new Outcome(read, used, first, last);
    }

    /** What the run read and used. */
    record Outcome(long ticksRead, long ticksUsed, Instant firstTick, Instant lastTick) {
    }

    Map<StrategyId, StrategyTally> tallies() {
        return tallies;
    }

    Map<StrategyId, EquityCurve> curves() {
        return curves;
    }

    Map<StrategyId, String> types() {
        return types;
    }

    PortfolioView view(StrategyId id, Instant at) {
        return book.view(VENUE, id, at);
    }

    BigDecimal venueCash(StrategyId id) {
        return venue.cash(id.value());
    }

    BacktestSettings settings() {
        return settings;
    }

    private void on(EventId tickId, MarketTick tick) {
        handle(venue.onTick(tick));
        book.mark(tick);
        risk.onTick(tick);
        strategies.onTick(tickId, tick, this::onSignal);
    }

    private void onSignal(TradingSignal signal) {
        StrategyTally tally = tallies.get(signal.strategyId());
        tally.signals++;
        RiskDecisionEvent decision = risk.decide(VENUE, signal);
        if (decision instanceof ValidatedSignal validated) {
            handle(venue.place(new EventId(new UUID(SIGNAL_IDS, ++signalIds)), validated));
        } else {
            tally.rejected++;
        }
    }

    private void handle(List<OrderEvent> events) {
        for (OrderEvent event : events) {
            switch (event) {
                case OrderSubmitted s -> {
                    tallies.get(s.strategyId()).orders++;
                    journal.submitted(s);
                }
                case OrderFilled f -> filled(f);
                case OrderFailed f -> {
                    tallies.get(f.strategyId()).refusedOrders++;
                    journal.failed(f);
                }
            }
        }
    }

    private void filled(OrderFilled fill) {
        long before = book.quantity(VENUE, fill.strategyId(), fill.instrumentToken());
        BigDecimal realized = book.apply(VENUE, fill);
        StrategyTally tally = tallies.get(fill.strategyId());
        tally.fills++;
        boolean closing = before != 0 && (before > 0) == (fill.side() == SignalType.SELL);
        if (closing) {
            tally.closed(realized);
        }
        journal.filled(fill, realized);
    }

    private void sample(Instant at) {
        LocalDate date = calendar.tradingDate(at);
        curves.forEach((id, curve) -> curve.sample(at, date, book.equity(VENUE, id), book.grossExposure(VENUE, id)));
    }

    private String range() {
        String from = settings.from() == null ? "the start" : settings.from().toString();
        String to = settings.to() == null ? "the end" : settings.to().toString();
        return "from " + from + " to " + to;
    }
}
