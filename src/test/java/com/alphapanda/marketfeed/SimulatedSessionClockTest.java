package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.NseCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSessionClockTest {

    private static final NseCalendar CALENDAR = NseCalendar.withBundledHolidays();

    private static Instant ist(String time) {
        return LocalDateTime.parse(time).atZone(NseCalendar.IST).toInstant();
    }

    @Test
    void aRestartOnAWeekendContinuesTheStoredSessionInsteadOfReplayingFriday() {
        Instant sunday = ist("2026-11-29T11:00:00");
        Instant storedFridayAfternoon = ist("2026-11-27T14:02:10");

        SimulatedSession fresh = SimulatedSession.resume(CALENDAR, sunday, null);
        SimulatedSession restarted = SimulatedSession.resume(CALENDAR, sunday, storedFridayAfternoon);

        assertThat(fresh.now()).isEqualTo(ist("2026-11-27T09:15:01"));
        assertThat(restarted.now()).isEqualTo(storedFridayAfternoon);
    }

    @Test
    void aClockStoppedAtTheCloseResumesAtTheNextSessionsOpen() {
        SimulatedSession restarted = SimulatedSession.resume(CALENDAR, ist("2026-11-29T11:00:00"),
                ist("2026-11-27T15:30:05"));
        assertThat(restarted.now()).isEqualTo(ist("2026-11-30T09:15:01"));
        assertThat(restarted.tradingDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aClockLeftBehindLongAgoGivesWayToTheWallClockButNeverGoesBack() {
        Instant tuesdayNoon = ist("2026-12-01T12:00:00");
        assertThat(SimulatedSession.resume(CALENDAR, tuesdayNoon, ist("2026-10-01T10:00:00")).now())
                .isEqualTo(tuesdayNoon);
        Instant aheadByDays = ist("2026-12-04T10:30:00");
        assertThat(SimulatedSession.resume(CALENDAR, tuesdayNoon, aheadByDays).now()).isEqualTo(aheadByDays);
    }

    @Test
    void theSimulatedDayRollsOverAtTheCloseSoEachTradingDateComesOnce() {
        SimulatedSession session = new SimulatedSession(CALENDAR, ist("2026-11-27T09:15:01"));
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 3 * 375 * 6 + 100; i++) {
            LocalDate date = session.tradingDate();
            if (dates.isEmpty() || !dates.getLast().equals(date)) {
                dates.add(date);
            }
            session.advance(Duration.ofSeconds(10));
        }
        assertThat(dates).containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
    }

    @Test
    void theTickSourceStoresTheSessionClockWhenItStops() throws InterruptedException {
        SimulatedSession session = new SimulatedSession(CALENDAR, ist("2026-11-27T10:00:00"));
        GbmPrices prices = new GbmPrices(1, java.util.Map.of(com.alphapanda.core.id.InstrumentToken.of(1),
                java.math.BigDecimal.TEN), java.math.BigDecimal.ZERO, new java.math.BigDecimal("0.001"));
        List<Instant> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulatedTickSource source = new SimulatedTickSource(prices, session, Duration.ofMillis(10),
                Duration.ofSeconds(10), saved::add);
        Thread feed = Thread.ofPlatform().start(() -> {
            try {
                source.run(new TickSink() {
                    @Override
                    public boolean offer(com.alphapanda.core.event.MarketTick tick) {
                        return true;
                    }

                    @Override
                    public boolean offer(com.alphapanda.core.event.MarketTick tick, Duration maxWait) {
                        return true;
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        feed.interrupt();
        feed.join(5_000);

        assertThat(saved).isNotEmpty();
        assertThat(saved.getLast()).isEqualTo(session.now()).isAfter(ist("2026-11-27T10:02:00"));
    }

    @Test
    void onAWeekendTheInfoSaysTheSimulatedSessionStandsInAndForWhichDate() {
        Clock sunday = Clock.fixed(ist("2026-11-29T11:00:00"), NseCalendar.IST);
        SimulatedSession session = SimulatedSession.resume(CALENDAR, sunday.instant(), null);
        SimulatedSessionInfo info = new SimulatedSessionInfo(session, CALENDAR, sunday, Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(info.describe()).contains("the market is closed today (Sunday 29 Nov 2026")
                .contains("stands for Friday 27 Nov 2026").contains("10 times faster")
                .contains("a trading day in 37 min 30 s");
        var builder = new org.springframework.boot.actuate.info.Info.Builder();
        info.contribute(builder);
        assertThat(builder.build().getDetails().get("simulatedSession").toString())
                .contains("tradingDate=2026-11-27").contains("marketOpenNow=false");
    }
}
