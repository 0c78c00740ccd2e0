package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Kite's 10 per second, 400 per minute and 5000 per day. */
class OrderRateLimiterTest {

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theEleventhOrderInsideOneSecondWaitsForTheNextSecond() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00.200Z"));
        OrderRateLimiter limiter = new OrderRateLimiter(clock, 10, 400, 5000, () -> 0);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isInstanceOf(OrderRateLimiter.Decision.Granted.class);
        }
        clock.now = clock.now.plusMillis(700);

        assertThat(limiter.tryAcquire()).isEqualTo(new OrderRateLimiter.Decision.Wait(Duration.ofMillis(300)));
        clock.now = clock.now.plusMillis(300);
        assertThat(limiter.tryAcquire()).isInstanceOf(OrderRateLimiter.Decision.Granted.class);
    }

    @Test
    void theFourHundredAndFirstOrderOfAMinuteWaits() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00Z"));
        OrderRateLimiter limiter = new OrderRateLimiter(clock, 10, 400, 5000, () -> 0);
        for (int i = 0; i < 400; i++) {
            assertThat(limiter.tryAcquire()).isInstanceOf(OrderRateLimiter.Decision.Granted.class);
            clock.now = clock.now.plusMillis(100);
        }
        // 40 s have passed: the minute that began with the first order has 20 s to go
        assertThat(limiter.tryAcquire()).isEqualTo(new OrderRateLimiter.Decision.Wait(Duration.ofSeconds(20)));
    }

    @Test
    void theDailyCapCountsWhatTheOrderBookHoldsAndResetsOnTheNextIstDay() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z")); // 15:30 IST
        long[] placedToday = {4999};
        OrderRateLimiter limiter = new OrderRateLimiter(clock, 10, 400, 5000, () -> placedToday[0]);

        assertThat(limiter.tryAcquire()).isInstanceOf(OrderRateLimiter.Decision.Granted.class);
        assertThat(limiter.tryAcquire()).isEqualTo(new OrderRateLimiter.Decision.DayCapReached(5000));

        placedToday[0] = 0;
        clock.now = Instant.parse("2026-11-27T18:30:00Z"); // 00:00 IST on the 28th
        assertThat(limiter.tryAcquire()).isInstanceOf(OrderRateLimiter.Decision.Granted.class);
    }
}
