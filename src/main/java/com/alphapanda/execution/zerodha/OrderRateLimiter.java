package com.alphapanda.execution.zerodha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Kite's order limits for one account: at most {@code perSecond} orders per second, {@code perMinute} per minute and
 * {@code perDay} per IST day (Kite: 10, 400, 5000). Kite counts per calendar second and minute on its own clock; the
 * limiter counts in sliding windows (at most {@code perSecond} in any second), which is at least as strict whatever
 * the clock offset, so the 11th order of a second waits for the next. The day's count starts from what the order book
 * already holds, so a restart does not reset it.
 */
final class OrderRateLimiter {

    /** May an order be sent now? */
    sealed interface Decision {
        /** Yes: the order is counted. */
        record Granted() implements Decision {
        }

        /** Not before {@code duration} has passed. */
        record Wait(Duration duration) implements Decision {
        }

        /** Not today. */
        record DayCapReached(int cap) implements Decision {
        }
    }

    private final Clock clock;
    private final int perSecond;
    private final int perMinute;
    private final int perDay;
    private final LongSupplier placedToday;
    private final ArrayDeque<Instant> lastSecond = new ArrayDeque<>();
    private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
    private LocalDate day;
    private long inDay;

    OrderRateLimiter(Clock clock, int perSecond, int perMinute, int perDay, LongSupplier placedToday) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.placedToday = placedToday;
    }

    synchronized Decision tryAcquire() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(KiteSessionExpiry.IST).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            inDay = placedToday.getAsLong();
        }
        if (inDay >= perDay) {
            return new Decision.DayCapReached(perDay);
        }
        Duration minuteWait = waitFor(lastMinute, perMinute, Duration.ofMinutes(1), now);
        Duration secondWait = waitFor(lastSecond, perSecond, Duration.ofSeconds(1), now);
        Duration wait = minuteWait.compareTo(secondWait) >= 0 ? minuteWait : secondWait;
        if (wait.isPositive()) {
            return new Decision.Wait(wait);
        }
        lastSecond.addLast(now);
        lastMinute.addLast(now);
        inDay++;
        return new Decision.Granted();
    }

    private static Duration waitFor(ArrayDeque<Instant> window, int limit, Duration length, Instant now) {
        while (!window.isEmpty() && !window.peekFirst().plus(length).isAfter(now)) {
            window.removeFirst();
        }
        return window.size() < limit ? Duration.ZERO : Duration.between(now, window.peekFirst().plus(length));
    }
}
