package com.alphapanda.portfolio;

import com.alphapanda.core.jobs.ClusterJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic and end-of-day snapshots in event time. Each portfolio has an event clock, advanced by its own fills and
 * by ticks of the instruments it holds (before the event is applied, so a snapshot due at 10:05 shows the book as
 * it was then); when it passes times the {@link SnapshotSchedule} names, a snapshot is taken for each, with that time
 * as its event time — also in replays of past days. While trading live (a clock within two intervals of the wall
 * clock), the wall clock advances the clocks too, so the close is snapshotted even when no event follows it.
 * <p>
 * Snapshots are a cluster job: only the instance that owns it (a PostgreSQL advisory lock) takes them. A clock starts
 * from the database — the last stored periodic or end-of-day snapshot of the portfolio, else its first fill in the
 * ledger — each time this instance acquires the job, so snapshots due while no instance or another one ran the job
 * are taken (once: a snapshot's id is derived from portfolio, type and due time), whichever instance applied the
 * fills; a portfolio without fills starts at its next event.
 */
class SnapshotProducer {

    private static final Logger log = LoggerFactory.getLogger(SnapshotProducer.class);

    private final SnapshotSchedule schedule;
    private final SnapshotTaker taker;
    private final Clock clock;
    private final Duration liveWindow;
    private final ClusterJob job;
    private final Function<PortfolioKey, Optional<Instant>> storedClock;
    private final Map<PortfolioKey, Instant> clocks = new ConcurrentHashMap<>();
    private long epoch = -1;

    SnapshotProducer(SnapshotSchedule schedule, SnapshotTaker taker, Clock clock, Duration interval, ClusterJob job,
                     Function<PortfolioKey, Optional<Instant>> storedClock) {
        this.schedule = schedule;
        this.taker = taker;
        this.clock = clock;
        this.liveWindow = interval.multipliedBy(2);
        this.job = job;
        this.storedClock = storedClock;
    }

    /** Advances a portfolio's event clock to {@code eventTime}, taking the snapshots due on the way. */
    synchronized void advance(PortfolioKey key, Instant eventTime) {
        if (!owning()) {
            return;
        }
        Instant previous = clockOf(key);
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

    /** True when advancing the portfolio's event clock to {@code eventTime} would take a snapshot here. */
    synchronized boolean due(PortfolioKey key, Instant eventTime) {
        if (!owning()) {
            return false;
        }
        Instant previous = clockOf(key);
        return previous != null && eventTime.isAfter(previous) && !schedule.between(previous, eventTime).isEmpty();
    }

    /** Advances live clocks (and starts the clocks of portfolios that have none) to the wall clock. */
    synchronized void advanceLive(Collection<PortfolioKey> portfolios) {
        if (!owning()) {
            return;
        }
        Instant now = clock.instant();
        for (PortfolioKey key : portfolios) {
            Instant at = clockOf(key);
            if (at == null) {
                clocks.put(key, now);
            } else if (Duration.between(at, now).compareTo(liveWindow) < 0) {
                advance(key, now);
            }
        }
    }

    /** True while this instance runs the snapshot job; a new ownership drops the clocks of the previous one. */
    private boolean owning() {
        long current = job.epoch();
        if (current < 0) {
            return false;
        }
        if (current != epoch) {
            clocks.clear();
            epoch = current;
            log.info("Taking PnL snapshots on this instance; snapshot clocks start from the stored snapshots");
        }
        return true;
    }

    /** The clock in memory, else the one stored (the last scheduled snapshot, else the first fill); null: neither. */
    private Instant clockOf(PortfolioKey key) {
        Instant at = clocks.get(key);
        if (at == null) {
            at = storedClock.apply(key).orElse(null);
            if (at != null) {
                clocks.put(key, at);
            }
        }
        return at;
    }
}
