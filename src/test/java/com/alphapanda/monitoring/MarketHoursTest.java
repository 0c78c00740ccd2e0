package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.NseCalendar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketHoursTest {

    private final MarketHours hours = MarketHours.regularSession(NseCalendar.withBundledHolidays());

    @Test
    void ticksAreExpectedOnlyInTheRegularSessionNotInPreOpen() {
        // 2026-11-26 is a Thursday; IST = UTC+05:30
        assertThat(hours.isOpen(Instant.parse("2026-11-26T03:35:00Z"))).as("09:05 pre-open").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-26T05:00:00Z"))).as("10:30").isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-26T10:00:01Z"))).as("15:30:01").isFalse();
    }

    @Test
    void closedOnWeekends() {
        assertThat(hours.isOpen(Instant.parse("2026-11-28T05:00:00Z"))).isFalse();
    }
}
