package com.alphapanda.execution.zerodha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/**
 * Kite's order limits for one account: at most {@code perSecond} orders per calendar second, {@code perMinute} per
 * calendar minute and {@code perDay} per IST day (Kite: 10, 400, 5000). Fixed calendar windows, as Kite counts them
 * (not a sliding bucket). The day's count starts from what the order book already holds, so a restart does not reset
 * it.
 */
final class OrderRateLimiter {

    /** May an order be sent now? */
    sealed interface Decision {
        /** Yes: the order is counted. */
        record Granted() implements Decision {
        }

        /** Not before {@code wait} has passed (the next calendar second or minute). */
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
    private long second = Long.MIN_VALUE;
    private long minute = Long.MIN_VALUE;
    private LocalDate day;
    private int inSecond;
    private int inMinute;
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
        roll(now);
        if (inDay >= perDay) {
            return new Decision.DayCapReached(perDay);
        }
        if (inMinute >= perMinute) {
            return new Decision.Wait(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60)));
        }
        if (inSecond >= perSecond) {
            return new Decision.Wait(Duration.between(now, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
        }
        inSecond++;
        inMinute++;
        inDay++;
        return new Decision.Granted();
    }

    private void roll(Instant now) {
        long s = now.getEpochSecond();
        if (s != second) {
            second = s;
            inSecond = 0;
        }
        if (Math.floorDiv(s, 60) != minute) {
            minute = Math.floorDiv(s, 60);
            inMinute = 0;
        }
        LocalDate today = now.atZone(KiteSessionExpiry.IST).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            inDay = placedToday.getAsLong();
        }
    }
}
