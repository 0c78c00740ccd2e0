package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.instrument.NseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotScheduleTest {

    final SnapshotSchedule schedule = new SnapshotSchedule(NseCalendar.withBundledHolidays(), Duration.ofMinutes(5));

    @Test
    void aWholeSessionHasSeventyFourPeriodicSnapshotsAndTheEndOfDayAtHalfPastThreeIst() {
        List<SnapshotSchedule.Due> due = schedule.between(Instant.parse("2026-11-17T03:45:00Z"),
                Instant.parse("2026-11-17T12:00:00Z"));
        assertThat(due).hasSize(75);
        assertThat(due.getFirst()).isEqualTo(new SnapshotSchedule.Due(Instant.parse("2026-11-17T03:50:00Z"),
                SnapshotType.PERIODIC));
        assertThat(due.getLast()).isEqualTo(new SnapshotSchedule.Due(Instant.parse("2026-11-17T10:00:00Z"),
                SnapshotType.END_OF_DAY));
    }

    @Test
    void holidaysAndWeekendsHaveNoSnapshotsAndNothingIsDueWhenTimeDoesNotAdvance() {
        assertThat(schedule.between(Instant.parse("2026-11-23T20:00:00Z"), Instant.parse("2026-11-24T20:00:00Z")))
                .as("2026-11-24 is an NSE holiday").isEmpty();
        assertThat(schedule.between(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T23:00:00Z")))
                .isEmpty();
        Instant t = Instant.parse("2026-11-17T05:00:00Z");
        assertThat(schedule.between(t, t)).isEmpty();
        assertThat(schedule.between(t, t.minusSeconds(600))).isEmpty();
    }

    @Test
    void aBoundaryIsDueWhenEventTimeReachesItExactly() {
        assertThat(schedule.between(Instant.parse("2026-11-17T04:04:59Z"), Instant.parse("2026-11-17T04:05:00Z")))
                .containsExactly(new SnapshotSchedule.Due(Instant.parse("2026-11-17T04:05:00Z"), SnapshotType.PERIODIC));
    }
}
