package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds instruments by trading symbol (case-insensitive): symbols starting with the text first, then those containing
 * it, each alphabetically; optionally on one exchange.
 */
public final class InstrumentSearch {

    /** An instrument found, with whether the market feed subscribes to it. */
    public record Found(Instrument instrument, boolean subscribed) {
    }

    private final JdbcClient jdbc;

    InstrumentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The instrument with this token, if the instrument master knows it. */
    public Optional<Instrument> byToken(InstrumentToken token) {
        return jdbc.sql("SELECT tradingsymbol, name, exchange FROM instruments WHERE instrument_token = :token")
                .param("token", token.value())
                .query((rs, n) -> Instrument.basic(token, rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<Found> bySymbol(String symbol, Optional<String> exchange, int limit) {
        return bySymbol(symbol, exchange, 0, limit);
    }

    /** A page of {@link #bySymbol}: {@code limit} instruments after skipping {@code offset}. */
    public List<Found> bySymbol(String symbol, Optional<String> exchange, long offset, int limit) {
        String escaped = escaped(symbol);
        return jdbc.sql("""
                SELECT i.instrument_token, i.tradingsymbol, i.name, i.exchange, i.exchange_token, i.last_price,
                       i.expiry, i.strike, i.tick_size, i.lot_size, i.instrument_type, i.segment,
                       COALESCE(r.is_subscribed, false) AS subscribed
                FROM instruments i LEFT JOIN instrument_registry r USING (instrument_token)
                WHERE upper(i.tradingsymbol) LIKE :contains
                  AND (CAST(:exchange AS varchar) IS NULL OR upper(i.exchange) = :exchange)
                ORDER BY upper(i.tradingsymbol) NOT LIKE :prefix, i.tradingsymbol, i.exchange, i.instrument_token
                LIMIT :limit OFFSET :offset""")
                .param("contains", "%" + escaped + "%").param("prefix", escaped + "%")
                .param("exchange", exchange.map(e -> e.strip().toUpperCase(Locale.ROOT)).orElse(null))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Found(new Instrument(InstrumentToken.of(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5) == null ? null : rs.getLong(5),
                        rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getObject(10) == null ? null : rs.getInt(10), rs.getString(11),
                        rs.getString(12)), rs.getBoolean(13)))
                .list();
    }

    /** How many instruments {@link #bySymbol} would list over all pages. */
    public long count(String symbol, Optional<String> exchange) {
        return jdbc.sql("""
                SELECT count(*) FROM instruments i
                WHERE upper(i.tradingsymbol) LIKE :contains
                  AND (CAST(:exchange AS varchar) IS NULL OR upper(i.exchange) = :exchange)""")
                .param("contains", "%" + escaped(symbol) + "%")
                .param("exchange", exchange.map(e -> e.strip().toUpperCase(Locale.ROOT)).orElse(null))
                .query(Long.class).single();
    }

    private static String escaped(String symbol) {
        String text = symbol.strip().toUpperCase(Locale.ROOT);
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
