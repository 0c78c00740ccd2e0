package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.money.Price;
import com.alphapanda.instrument.NseCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * A recorded tick file: CSV lines {@code timestamp,instrument_token,last_price[,volume,last_quantity]} (header
 * optional; timestamps ISO-8601 with offset, ISO-8601 local date-time taken as IST, or epoch milliseconds) and/or
 * JSONL lines each holding one MarketTick object (snake_case, as on the wire). Blank lines and {@code #} comments are
 * skipped; a malformed line is reported with its number and skipped. Ticks are sorted by timestamp (stable, so equal
 * timestamps keep file order).
 */
final class ReplayFile {

    private ReplayFile() {
    }

    /** The valid ticks in timestamp order and the problems of the lines skipped ({@code line N: reason}). */
    record Parsed(List<MarketTick> ticks, List<String> problems) {
    }

    static Parsed read(Reader in) throws IOException {
        List<MarketTick> ticks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            try {
                MarketTick tick = parseLine(line);
                if (tick != null) {
                    ticks.add(tick);
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + number + ": " + e.getMessage());
            }
        }
        ticks.sort(Comparator.comparing(MarketTick::timestamp));
        return new Parsed(List.copyOf(ticks), List.copyOf(problems));
    }

    /**
     * One line of a tick file: the tick, or null for a blank line, a {@code #} comment or the CSV header. A malformed
     * line is an {@link IllegalArgumentException} saying why.
     */
    static MarketTick parseLine(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("timestamp,")) {
            return null;
        }
        try {
            return text.startsWith("{") ? json(text) : csv(text);
        } catch (DateTimeParseException | JacksonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static MarketTick json(String text) {
        return EventJson.mapper().readValue(text, MarketTick.class);
    }

    private static MarketTick csv(String text) {
        String[] f = text.split(",", -1);
        if (f.length != 3 && f.length != 5) {
            throw new IllegalArgumentException("expected 3 or 5 fields (timestamp,instrument_token,last_price"
                    + "[,volume,last_quantity]), found " + f.length);
        }
        Instant timestamp = timestamp(f[0].strip());
        InstrumentToken token = InstrumentToken.of(number(f[1], "instrument_token"));
        Price price;
        try {
            price = Price.of(new BigDecimal(f[2].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("last_price '" + f[2].strip() + "' is not a decimal number");
        }
        if (f.length == 3) {
            return MarketTick.ltp(token, price, timestamp);
        }
        return new MarketTick(token, price, timestamp, null, number(f[3], "volume"), number(f[4], "last_quantity"),
                null, null, null, null, null, null, null, null, null, MarketTick.TickMode.QUOTE, null, null, null);
    }

    private static Instant timestamp(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(NseCalendar.IST).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("timestamp '" + text
                        + "' is neither ISO-8601 (e.g. 2026-01-05T10:00:00+05:30) nor epoch milliseconds");
            }
        }
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text.strip() + "' is not a whole number");
        }
    }
}
