package com.alphapanda.monitoring;

import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.time.Instant;

/** Whether ticks are expected to flow at an instant. */
@FunctionalInterface
interface MarketHours {

    boolean isOpen(Instant at);

    /**
     * The NSE regular session on its calendar (weekends and holidays closed); pre-open is not counted, as ticks need
     * not flow during the call auction.
     */
    static MarketHours regularSession(NseCalendar calendar) {
        return at -> calendar.phaseAt(at) == MarketPhase.OPEN;
    }
}
