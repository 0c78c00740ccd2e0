package com.alphapanda.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * The NSE equity trading calendar in Asia/Kolkata: pre-open 09:00–09:15, regular session 09:15–15:30 (both ends
 * inclusive; 09:15:00 itself still counts as pre-open), closed on weekends and exchange holidays. Every decision takes
 * an event time (a tick's timestamp), never the wall clock, so a replay of a past day behaves as that day did.
 */
public final class NseCalendar {

    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** IST is UTC+05:30 with no daylight saving (since 1945): dates and times are plain offset arithmetic. */
    private static final long IST_OFFSET_SECONDS = 5 * 3600 + 30 * 60;
    public static final LocalTime PRE_OPEN_START = LocalTime.of(9, 0);
    public static final LocalTime SESSION_OPEN = LocalTime.of(9, 15);
    public static final LocalTime SESSION_CLOSE = LocalTime.of(15, 30);
    private static final String BUNDLED_HOLIDAYS = "/instrument/nse-holidays.csv";

    private final Set<LocalDate> holidays;

    public NseCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** The calendar with the holiday list shipped in the jar (the current year's NSE trading holidays). */
    public static NseCalendar withBundledHolidays() {
        try (InputStream in = NseCalendar.class.getResourceAsStream(BUNDLED_HOLIDAYS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED_HOLIDAYS);
            }
            return new NseCalendar(parseHolidays(in, BUNDLED_HOLIDAYS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code date[,description]} lines (ISO dates; blank lines and {@code #} comments ignored). A malformed
     * line is an {@link IllegalArgumentException} naming the source and line number.
     */
    public static Set<LocalDate> parseHolidays(InputStream in, String source) throws IOException {
        Set<LocalDate> dates = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String date = text.split(",", 2)[0].strip();
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + " line " + number + ": '" + date
                        + "' is not a date (expected YYYY-MM-DD)");
            }
        }
        return dates;
    }

    /** This calendar with more holidays. */
    public NseCalendar withAdditionalHolidays(Set<LocalDate> more) {
        Set<LocalDate> all = new HashSet<>(holidays);
        all.addAll(more);
        return new NseCalendar(all);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The phase of the market at an event time. */
    public MarketPhase phaseAt(Instant eventTime) {
        LocalDate date = tradingDate(eventTime);
        if (isWeekend(date)) {
            return MarketPhase.WEEKEND;
        }
        if (holidays.contains(date)) {
            return MarketPhase.HOLIDAY;
        }
        long local = eventTime.getEpochSecond() + IST_OFFSET_SECONDS;
        LocalTime time = LocalTime.ofNanoOfDay(Math.floorMod(local, 86_400L) * 1_000_000_000L + eventTime.getNano());
        if (!time.isBefore(PRE_OPEN_START) && !time.isAfter(SESSION_OPEN)) {
            return MarketPhase.PRE_OPEN;
        }
        if (time.isAfter(SESSION_OPEN) && !time.isAfter(SESSION_CLOSE)) {
            return MarketPhase.OPEN;
        }
        return MarketPhase.CLOSED;
    }

    /** True in pre-open and the regular session (what the strategy runner evaluates). */
    public boolean isMarketOpen(Instant eventTime) {
        return phaseAt(eventTime).isMarketOpen();
    }

    /** True on a weekday that is not a holiday. */
    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !holidays.contains(date);
    }

    /** The IST calendar date of an event time: the trading day it belongs to, if it is one. */
    public LocalDate tradingDate(Instant eventTime) {
        return LocalDate.ofEpochDay(Math.floorDiv(eventTime.getEpochSecond() + IST_OFFSET_SECONDS, 86_400L));
    }

    /** The start of the next regular session strictly after {@code eventTime}. */
    public Instant nextSessionOpen(Instant eventTime) {
        ZonedDateTime t = eventTime.atZone(IST);
        LocalDate date = t.toLocalDate();
        if (isTradingDay(date) && t.toLocalTime().isBefore(SESSION_OPEN)) {
            return sessionOpen(date);
        }
        LocalDate next = date.plusDays(1);
        while (!isTradingDay(next)) {
            next = next.plusDays(1);
        }
        return sessionOpen(next);
    }

    /** 09:15 IST of a date. */
    public Instant sessionOpen(LocalDate date) {
        return date.atTime(SESSION_OPEN).atZone(IST).toInstant();
    }

    /** 15:30 IST of a date: end of the regular session (end-of-day snapshots, DAY order expiry). */
    public Instant sessionClose(LocalDate date) {
        return date.atTime(SESSION_CLOSE).atZone(IST).toInstant();
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
