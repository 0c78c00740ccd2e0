package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NseSessionHoursTest {

    private final NseSessionHours hours = new NseSessionHours();

    @Test
    void openFrom0915To1530IndiaTimeOnWeekdaysBothEndsIncluded() {
        // 2026-11-26 is a Thursday; IST = UTC+05:30
        assertThat(hours.isOpen(Instant.parse("2026-11-26T03:44:59Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-26T03:45:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-26T10:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-26T10:00:01Z"))).isFalse();
    }

    @Test
    void closedOnWeekends() {
        assertThat(hours.isOpen(Instant.parse("2026-11-28T05:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-29T05:00:00Z"))).isFalse();
    }
}
