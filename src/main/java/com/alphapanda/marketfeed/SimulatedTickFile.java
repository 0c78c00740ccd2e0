package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.NseCalendar;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tick file from the simulated feed ({@link GbmPrices} on the {@link SimulatedSession} clock): the same
 * seed, instruments and parameters give the same file, byte for byte. CSV {@code timestamp,instrument_token,
 * last_price} with ISO-8601 IST timestamps, one tick per instrument per interval from one second after the open of
 * {@code firstDay} through {@code days} trading days. The backtester's bundled sample is made with it.
 */
public final class SimulatedTickFile {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SimulatedTickFile() {
    }

    /** The simulated feed's parameters. */
    public record Parameters(long seed, List<InstrumentToken> instruments, BigDecimal startPrice,
                             BigDecimal volatility, Duration interval, LocalDate firstDay, int days) {

        public Parameters {
            instruments = List.copyOf(instruments);
            if (days < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("at least one day and a positive interval");
            }
        }
    }

    /** Writes the file; returns the number of ticks written. */
    public static long write(Parameters p, NseCalendar calendar, Writer out) throws IOException {
        if (!calendar.isTradingDay(p.firstDay())) {
            throw new IllegalArgumentException(p.firstDay() + " is not an NSE trading day");
        }
        Map<InstrumentToken, BigDecimal> start = new LinkedHashMap<>();
        p.instruments().forEach(token -> start.put(token, p.startPrice()));
        GbmPrices prices = new GbmPrices(p.seed(), start, BigDecimal.ZERO, p.volatility());
        SimulatedSession session = new SimulatedSession(calendar, calendar.sessionOpen(p.firstDay())
                .plusSeconds(1));
        out.write("timestamp,instrument_token,last_price\n");
        long written = 0;
        int day = 1;
        LocalDate current = p.firstDay();
        while (true) {
            Instant now = session.now();
            if (!calendar.tradingDate(now).equals(current)) {
                if (++day > p.days()) {
                    return written;
                }
                current = calendar.tradingDate(now);
            }
            String time = ISO.format(OffsetDateTime.ofInstant(now, NseCalendar.IST));
            for (MarketTick tick : prices.next(now)) {
                out.write(time + "," + tick.instrumentToken() + "," + tick.lastPrice().value().toPlainString() + "\n");
                written++;
            }
            session.advance(p.interval());
        }
    }
}
