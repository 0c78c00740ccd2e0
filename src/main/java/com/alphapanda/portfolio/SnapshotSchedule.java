package com.alphapanda.portfolio;

import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.instrument.NseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When snapshots are due, in event time: on every NSE trading day, a periodic snapshot every {@code interval} after
 * the session opens (09:15 IST + k × interval, before the close) and an end-of-day snapshot at the close (15:30 IST).
 * Plain domain logic: no clock, no I/O.
 */
final class SnapshotSchedule {

    /** A snapshot due at an event time. */
    record Due(Instant at, SnapshotType type) {
    }

    /** Gaps longer than this only produce the snapshots of their last days (a clock jump, not a trading day). */
    static final int MAX_DAYS = 7;

    private final NseCalendar calendar;
    private final Duration interval;

    SnapshotSchedule(NseCalendar calendar, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("snapshot interval must be positive");
        }
        this.calendar = calendar;
        this.interval = interval;
    }

    /** The snapshots due when event time moves from {@code from} (exclusive) to {@code to} (inclusive), in order. */
    List<Due> between(Instant from, Instant to) {
        List<Due> due = new ArrayList<>();
        if (!to.isAfter(from)) {
            return due;
        }
        LocalDate last = calendar.tradingDate(to);
        LocalDate first = calendar.tradingDate(from);
        if (first.isBefore(last.minusDays(MAX_DAYS))) {
            first = last.minusDays(MAX_DAYS);
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isTradingDay(day)) {
                addDay(day, from, to, due);
            }
        }
        return due;
    }

    private void addDay(LocalDate day, Instant from, Instant to, List<Due> due) {
        Instant close = calendar.sessionClose(day);
        for (Instant t = calendar.sessionOpen(day).plus(interval); t.isBefore(close); t = t.plus(interval)) {
            if (t.isAfter(from) && !t.isAfter(to)) {
                due.add(new Due(t, SnapshotType.PERIODIC));
            }
        }
        if (close.isAfter(from) && !close.isAfter(to)) {
            due.add(new Due(close, SnapshotType.END_OF_DAY));
        }
    }
}
