package com.alphapanda.risk;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tick prices per instrument by event time, so that a signal is judged with the price as of its own event time, not
 * with the newest tick read: the ticks and the signals are consumed independently, and during a fast replay or after
 * a restart the tick reader may be far ahead of (or behind) the signals. Each instrument keeps its last
 * {@link #HISTORY} prices; a signal older than all of them gets the oldest one kept, with a warning.
 */
final class LastTickPrices {

    /** Prices kept per instrument (about 50 bytes each). */
    static final int HISTORY = 4096;

    private static final Logger log = LoggerFactory.getLogger(LastTickPrices.class);
    private static final long PAUSE_NANOS = Duration.ofMillis(2).toNanos();

    private final Map<InstrumentToken, PriceTrail> trails = new ConcurrentHashMap<>();
    private final int history;
    private volatile long lastUpdateNanos = System.nanoTime();

    LastTickPrices() {
        this(HISTORY);
    }

    LastTickPrices(int history) {
        this.history = history;
    }

    void update(MarketTick tick) {
        trails.computeIfAbsent(tick.instrumentToken(), t -> new PriceTrail(history))
                .add(tick.timestamp(), tick.lastPrice().value());
        lastUpdateNanos = System.nanoTime();
    }

    /** The newest price by event time, or null when no tick has been seen. */
    BigDecimal of(InstrumentToken token) {
        PriceTrail trail = trails.get(token);
        return trail == null ? null : trail.newest();
    }

    /** The price of the instrument's newest tick at or before {@code at}, or null when no tick has been seen. */
    BigDecimal asOf(InstrumentToken token, Instant at) {
        PriceTrail trail = trails.get(token);
        PriceTrail.Lookup found = trail == null ? null : trail.asOf(at);
        if (found == null) {
            return null;
        }
        if (!found.exact()) {
            log.warn("No price of instrument {} as of {} is kept any more (the last {} are); using the oldest kept",
                    token, at, history);
        }
        return found.price();
    }

    /**
     * Waits, at most {@code patience}, until the ticks of {@code token} have been read up to {@code at} (a tick at or
     * after it was seen), unless the tick reader is idle for {@code idle} (it has nothing more to read, e.g. the tick
     * that caused the signal is not in the topic). Returns whether the prices are known up to {@code at}.
     */
    boolean awaitTicksUpTo(InstrumentToken token, Instant at, Duration patience, Duration idle) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!seenUpTo(token, at)) {
            long now = System.nanoTime();
            if (now - lastUpdateNanos >= idle.toNanos() || now >= deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }

    private boolean seenUpTo(InstrumentToken token, Instant at) {
        PriceTrail trail = trails.get(token);
        Instant newest = trail == null ? null : trail.newestTime();
        return newest != null && !newest.isBefore(at);
    }
}
