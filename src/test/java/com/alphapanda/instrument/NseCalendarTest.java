package com.alphapanda.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NseCalendarTest {

    private final NseCalendar calendar = NseCalendar.withBundledHolidays();

    private static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NseCalendar.IST).toInstant();
    }

    @Test
    void preOpenRunsFromNineToNineFifteenInclusive() {
        assertThat(calendar.phaseAt(ist("2026-11-26T08:59:59"))).isEqualTo(MarketPhase.CLOSED);
        assertThat(calendar.phaseAt(ist("2026-11-26T09:00:00"))).isEqualTo(MarketPhase.PRE_OPEN);
        assertThat(calendar.phaseAt(ist("2026-11-26T09:15:00"))).isEqualTo(MarketPhase.PRE_OPEN);
        assertThat(calendar.isMarketOpen(ist("2026-11-26T09:05:00"))).isTrue();
    }

    @Test
    void regularSessionRunsFromAfterNineFifteenToFifteenThirtyInclusive() {
        assertThat(calendar.phaseAt(ist("2026-11-26T09:15:00.001"))).isEqualTo(MarketPhase.OPEN);
        assertThat(calendar.phaseAt(ist("2026-11-26T12:00:00"))).isEqualTo(MarketPhase.OPEN);
        assertThat(calendar.phaseAt(ist("2026-11-26T15:30:00"))).isEqualTo(MarketPhase.OPEN);
        assertThat(calendar.phaseAt(ist("2026-11-26T15:30:00.001"))).isEqualTo(MarketPhase.CLOSED);
        assertThat(calendar.isMarketOpen(ist("2026-11-26T16:00:00"))).isFalse();
    }

    @Test
    void weekendsAreClosedAllDay() {
        assertThat(calendar.phaseAt(ist("2026-11-28T10:00:00"))).isEqualTo(MarketPhase.WEEKEND);
        assertThat(calendar.phaseAt(ist("2026-11-29T10:00:00"))).isEqualTo(MarketPhase.WEEKEND);
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-11-28"))).isFalse();
    }

    @Test
    void bundledHolidaysAreClosedAllDay() {
        assertThat(calendar.phaseAt(ist("2026-11-24T10:00:00"))).isEqualTo(MarketPhase.HOLIDAY);
        assertThat(calendar.phaseAt(ist("2026-01-26T10:00:00"))).isEqualTo(MarketPhase.HOLIDAY);
        assertThat(calendar.holidays()).hasSize(15);
    }

    @Test
    void decidesOnEventTimeInIstWhateverTheHostZone() {
        // 03:50 UTC is 09:20 IST
        assertThat(calendar.phaseAt(Instant.parse("2026-11-26T03:50:00Z"))).isEqualTo(MarketPhase.OPEN);
        // 10:00 UTC is 15:30 IST exactly
        assertThat(calendar.phaseAt(Instant.parse("2026-11-26T10:00:00Z"))).isEqualTo(MarketPhase.OPEN);
        assertThat(calendar.phaseAt(Instant.parse("2026-11-26T10:00:01Z"))).isEqualTo(MarketPhase.CLOSED);
    }

    @Test
    void nextOpenIsTodayBeforeTheSessionAndTheNextTradingDayAfterIt() {
        assertThat(calendar.nextSessionOpen(ist("2026-11-26T08:00:00"))).isEqualTo(ist("2026-11-26T09:15:00"));
        assertThat(calendar.nextSessionOpen(ist("2026-11-26T10:00:00"))).isEqualTo(ist("2026-11-27T09:15:00"));
    }

    @Test
    void nextOpenSkipsAWeekendAndAHolidayTogether() {
        // Friday 2026-11-20 after close → Sat, Sun, Monday 23rd is a trading day
        assertThat(calendar.nextSessionOpen(ist("2026-11-20T16:00:00"))).isEqualTo(ist("2026-11-23T09:15:00"));
        // Thursday 2026-04-02 after close → Good Friday 3rd, weekend → Monday 6th
        assertThat(calendar.nextSessionOpen(ist("2026-04-02T15:45:00"))).isEqualTo(ist("2026-04-06T09:15:00"));
        // Monday 2026-11-23 after close → Tuesday 24th holiday → Wednesday 25th
        assertThat(calendar.nextSessionOpen(ist("2026-11-23T18:00:00"))).isEqualTo(ist("2026-11-25T09:15:00"));
    }

    @Test
    void sessionCloseIsFifteenThirtyIst() {
        assertThat(calendar.sessionClose(LocalDate.parse("2026-11-26"))).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void additionalHolidaysCloseThoseDays() {
        NseCalendar extended = calendar.withAdditionalHolidays(java.util.Set.of(LocalDate.parse("2026-11-27")));
        assertThat(extended.phaseAt(ist("2026-11-27T10:00:00"))).isEqualTo(MarketPhase.HOLIDAY);
        assertThat(calendar.phaseAt(ist("2026-11-27T10:00:00"))).isEqualTo(MarketPhase.OPEN);
    }

    @Test
    void malformedHolidayLineNamesItsLineNumber() {
        var in = new ByteArrayInputStream("# comment\n2026-01-26,ok\n26/01/2026,bad\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> NseCalendar.parseHolidays(in, "holidays.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holidays.csv line 3");
    }
}
