package com.alphapanda.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic and end-of-day snapshots in event time. Each portfolio has an event clock, advanced by its own fills and
 * by ticks of the instruments it holds (before the event is applied, so a snapshot due at 10:05 shows the book as
 * it was then); when it passes times the {@link SnapshotSchedule} names, a snapshot is taken for each, with that time
 * as its event time — also in replays of past days. While trading live (a clock within two intervals of the wall
 * clock), the wall clock advances the clocks too, so the close is snapshotted even when no event follows it.
 */
class SnapshotProducer {

    private static final Logger log = LoggerFactory.getLogger(SnapshotProducer.class);

    private final SnapshotSchedule schedule;
    private final SnapshotTaker taker;
    private final Clock clock;
    private final Duration liveWindow;
    private final Map<PortfolioKey, Instant> clocks = new ConcurrentHashMap<>();

    SnapshotProducer(SnapshotSchedule schedule, SnapshotTaker taker, Clock clock, Duration interval) {
        this.schedule = schedule;
        this.taker = taker;
        this.clock = clock;
        this.liveWindow = interval.multipliedBy(2);
    }

    /** Advances a portfolio's event clock to {@code eventTime}, taking the snapshots due on the way. */
    synchronized void advance(PortfolioKey key, Instant eventTime) {
        Instant previous = clocks.get(key);
        if (previous == null) {
            clocks.put(key, eventTime);
            return;
        }
        if (!eventTime.isAfter(previous)) {
            return;
        }
        clocks.put(key, eventTime);
        for (SnapshotSchedule.Due due : schedule.between(previous, eventTime)) {
            taker.take(key, due.type(), due.at());
            log.debug("{} snapshot of {} at {}", due.type().wireName(), key.portfolioId(), due.at());
        }
    }

    /** True when advancing the portfolio's event clock to {@code eventTime} would take a snapshot. */
    synchronized boolean due(PortfolioKey key, Instant eventTime) {
        Instant previous = clocks.get(key);
        return previous != null && eventTime.isAfter(previous) && !schedule.between(previous, eventTime).isEmpty();
    }

    /** Advances live clocks (and starts the clocks of portfolios that have none) to the wall clock. */
    void advanceLive(Collection<PortfolioKey> portfolios) {
        Instant now = clock.instant();
        for (PortfolioKey key : portfolios) {
            Instant at = clocks.putIfAbsent(key, now);
            if (at != null && Duration.between(at, now).compareTo(liveWindow) < 0) {
                advance(key, now);
            }
        }
    }
}
