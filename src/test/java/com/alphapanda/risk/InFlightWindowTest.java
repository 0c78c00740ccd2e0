package com.alphapanda.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.NseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Since when a validated signal can still be in flight: the last session close at or before the signal. */
class InFlightWindowTest {

    final NseCalendar calendar = new NseCalendar(Set.of());

    Instant since(String at) {
        return BatchExposure.lastSessionCloseAtOrBefore(calendar, Instant.parse(at));
    }

    @Test
    void duringTheSessionTheSignalsSinceThePreviousTradingDaysCloseCount() {
        // Tuesday 10:30 IST: Monday's 15:30 IST close
        assertThat(since("2026-12-01T05:00:00Z")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void afterTheCloseOnlyTheSignalsAfterTodaysCloseCount() {
        // Tuesday 16:00 IST: orders placed during the session expired at 15:30; those placed after rest until Wednesday
        assertThat(since("2026-12-01T10:30:00Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(since("2026-12-01T10:00:00Z")).as("exactly at the close").isEqualTo(
                Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void onAMondayMorningTheSignalsSinceFridaysCloseCount() {
        assertThat(since("2026-11-30T03:40:00Z")).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(since("2026-11-28T06:00:00Z")).as("on a Saturday").isEqualTo(
                Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void aHolidayIsSkippedLikeAWeekend() {
        NseCalendar withHoliday = new NseCalendar(Set.of(LocalDate.parse("2026-11-30")));
        assertThat(BatchExposure.lastSessionCloseAtOrBefore(withHoliday, Instant.parse("2026-12-01T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }
}
