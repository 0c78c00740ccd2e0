package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads instrument files. Two formats: the universe format {@code instrument_token,tradingsymbol,name,exchange}
 * (the bundled list) and Kite's instrument dump {@code instrument_token,exchange_token,tradingsymbol,name,last_price,
 * expiry,strike,tick_size,lot_size,instrument_type,segment,exchange}. Blank lines and {@code #} comments are skipped,
 * the header line is optional; a malformed row is reported with its line number and skipped, the rest is read.
 */
public final class InstrumentFile {

    /** The columns of Kite's instrument dump, in order. */
    public static final List<String> KITE_COLUMNS = List.of("instrument_token", "exchange_token", "tradingsymbol",
            "name", "last_price", "expiry", "strike", "tick_size", "lot_size", "instrument_type", "segment",
            "exchange");
    /** The columns of the universe format, in order. */
    public static final List<String> UNIVERSE_COLUMNS = List.of("instrument_token", "tradingsymbol", "name",
            "exchange");

    private InstrumentFile() {
    }

    /** A malformed row: its 1-based line number and what is wrong with it. */
    public record RowError(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** The instruments read and the rows skipped. */
    public record Parsed(List<Instrument> instruments, List<RowError> errors) {
        public Parsed {
            instruments = List.copyOf(instruments);
            errors = List.copyOf(errors);
        }
    }

    public static Parsed readUniverse(InputStream in) {
        return read(in, UNIVERSE_COLUMNS, f -> Instrument.basic(token(f.get(0)), f.get(1), f.get(2), f.get(3)));
    }

    public static Parsed readKiteDump(InputStream in) {
        return read(in, KITE_COLUMNS, InstrumentFile::kiteRow);
    }

    private static Parsed read(InputStream in, List<String> columns, Function<List<String>, Instrument> row) {
        List<Instrument> instruments = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith(columns.get(0) + ",")) {
                    continue;
                }
                try {
                    List<String> fields = CsvRow.split(text);
                    if (fields.size() != columns.size()) {
                        throw new IllegalArgumentException("expected " + columns.size() + " columns ("
                                + String.join(",", columns) + "), found " + fields.size());
                    }
                    instruments.add(row.apply(fields));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add(new RowError(number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(instruments, errors);
    }

    private static Instrument kiteRow(List<String> f) {
        return new Instrument(token(f.get(0)), f.get(2), f.get(3), f.get(11), optionalLong(f.get(1), "exchange_token"),
                decimal(f.get(4), "last_price"), date(f.get(5)), decimal(f.get(6), "strike"),
                decimal(f.get(7), "tick_size"), optionalInt(f.get(8)), emptyToNull(f.get(9)), emptyToNull(f.get(10)));
    }

    private static InstrumentToken token(String text) {
        try {
            return InstrumentToken.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instrument_token '" + text + "' is not a number");
        }
    }

    private static Long optionalLong(String text, String field) {
        try {
            return text.isEmpty() ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a whole number");
        }
    }

    private static Integer optionalInt(String text) {
        try {
            return text.isEmpty() ? null : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lot_size '" + text + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(String text, String field) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a decimal number");
        }
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiry '" + text + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
