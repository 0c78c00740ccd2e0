package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A tradable instrument as Kite lists it. The first four fields are always known; the rest come only from a full
 * Kite instrument dump and are null otherwise.
 */
public record Instrument(
        InstrumentToken token,
        String tradingSymbol,
        String name,
        String exchange,
        Long exchangeToken,
        BigDecimal lastPrice,
        LocalDate expiry,
        BigDecimal strike,
        BigDecimal tickSize,
        Integer lotSize,
        String instrumentType,
        String segment) {

    public Instrument {
        Objects.requireNonNull(token, "instrument_token");
        requireText(tradingSymbol, "tradingsymbol");
        requireText(exchange, "exchange");
        name = name == null ? "" : name;
    }

    /** An instrument known only by token, symbol, name and exchange (the bundled universe's format). */
    public static Instrument basic(InstrumentToken token, String tradingSymbol, String name, String exchange) {
        return new Instrument(token, tradingSymbol, name, exchange, null, null, null, null, null, null, null, null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
    }
}
