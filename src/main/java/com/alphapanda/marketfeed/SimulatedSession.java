package com.alphapanda.marketfeed;

import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The event-time clock of the simulator: it always stays inside a regular NSE session, so strategies see an open
 * market whatever the wall-clock time. It starts at the given instant if that is in a session, otherwise one second
 * after the open of the latest session that has started; stepping past 15:30 jumps to the next session's open.
 */
final class SimulatedSession {

    private static final Duration AFTER_OPEN = Duration.ofSeconds(1);

    private final NseCalendar calendar;
    private Instant now;

    SimulatedSession(NseCalendar calendar, Instant start) {
        this.calendar = calendar;
        this.now = calendar.phaseAt(start) == MarketPhase.OPEN ? start : latestOpen(start);
    }

    Instant now() {
        return now;
    }

    Instant advance(Duration step) {
        Instant next = now.plus(step);
        now = calendar.phaseAt(next) == MarketPhase.OPEN ? next : calendar.nextSessionOpen(next).plus(AFTER_OPEN);
        return now;
    }

    private Instant latestOpen(Instant at) {
        LocalDate date = calendar.tradingDate(at);
        if (!(calendar.isTradingDay(date) && at.isAfter(calendar.sessionOpen(date)))) {
            date = date.minusDays(1);
            while (!calendar.isTradingDay(date)) {
                date = date.minusDays(1);
            }
        }
        return calendar.sessionOpen(date).plus(AFTER_OPEN);
    }
}
