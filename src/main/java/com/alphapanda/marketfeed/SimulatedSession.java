package com.alphapanda.marketfeed;

import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The event-time clock of the simulator: it always stays inside a regular NSE session, so strategies see an open
 * market whatever the wall-clock time. It starts at the given instant if that is in a session, otherwise one second
 * after the open of the latest session that has started; stepping past 15:30 jumps to the next session's open (the
 * simulated day rolls over at the close). {@link #resume} continues a stored clock after a restart.
 */
final class SimulatedSession {

    private static final Duration AFTER_OPEN = Duration.ofSeconds(1);

    private final NseCalendar calendar;
    private volatile Instant now;

    SimulatedSession(NseCalendar calendar, Instant start) {
        this.calendar = calendar;
        this.now = calendar.phaseAt(start) == MarketPhase.OPEN ? start : latestOpen(start);
    }

    /**
     * The clock after a restart: it continues from where the stored clock stopped (the next session's open when that
     * was at or after a close), unless starting afresh at {@code now} would be later (a clock left behind long ago
     * does not drag the demo into the past). It never goes back, so no simulated day is played twice.
     */
    static SimulatedSession resume(NseCalendar calendar, Instant now, Instant stored) {
        SimulatedSession fresh = new SimulatedSession(calendar, now);
        if (stored == null) {
            return fresh;
        }
        Instant continued = calendar.phaseAt(stored) == MarketPhase.OPEN ? stored
                : calendar.nextSessionOpen(stored).plus(AFTER_OPEN);
        return continued.isAfter(fresh.now) ? new SimulatedSession(calendar, continued) : fresh;
    }

    /** The IST trading date the simulated clock stands for now. */
    LocalDate tradingDate() {
        return calendar.tradingDate(now);
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
