package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code instruments} and {@code instrument_registry}. Batches through {@link JdbcTemplate} because a Kite dump
 * has ~100 000 rows ({@code JdbcClient} has no batch statement).
 */
final class InstrumentStore {

    private static final String UPSERT = """
            INSERT INTO instruments (instrument_token, exchange_token, tradingsymbol, name, exchange, segment,
                                     instrument_type, last_price, tick_size, lot_size, expiry, strike, source_file)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (instrument_token) DO UPDATE SET
                exchange_token = EXCLUDED.exchange_token, tradingsymbol = EXCLUDED.tradingsymbol,
                name = EXCLUDED.name, exchange = EXCLUDED.exchange, segment = EXCLUDED.segment,
                instrument_type = EXCLUDED.instrument_type, last_price = EXCLUDED.last_price,
                tick_size = EXCLUDED.tick_size, lot_size = EXCLUDED.lot_size, expiry = EXCLUDED.expiry,
                strike = EXCLUDED.strike, source_file = EXCLUDED.source_file, updated_at = now()
            """;
    private static final String INSERT_MISSING = """
            INSERT INTO instruments (instrument_token, exchange_token, tradingsymbol, name, exchange, segment,
                                     instrument_type, last_price, tick_size, lot_size, expiry, strike, source_file)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (instrument_token) DO NOTHING
            """;
    private static final String SUBSCRIBE = """
            INSERT INTO instrument_registry (instrument_token, tradingsymbol, exchange, added_by)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (instrument_token) DO NOTHING
            """;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    InstrumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates every instrument (a user import: the file is the newer truth). */
    void upsert(List<Instrument> instruments, String sourceFile) {
        write(UPSERT, instruments, sourceFile);
    }

    /** Inserts the instruments not yet known, leaving known ones as they are (a richer import may have set them). */
    void insertMissing(List<Instrument> instruments, String sourceFile) {
        write(INSERT_MISSING, instruments, sourceFile);
    }

    /** Adds the instruments to the subscription registry, keeping existing entries. */
    void subscribe(List<Instrument> instruments, String addedBy) {
        jdbc.batchUpdate(SUBSCRIBE, instruments, BATCH, (ps, i) -> {
            ps.setLong(1, i.token().value());
            ps.setString(2, i.tradingSymbol());
            ps.setString(3, i.exchange());
            ps.setString(4, addedBy);
        });
    }

    /** How many of these tokens are both in {@code instruments} and subscribed in the registry. */
    int countRegistered(List<InstrumentToken> tokens) {
        Long[] values = tokens.stream().map(InstrumentToken::value).toArray(Long[]::new);
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM instrument_registry r JOIN instruments i USING (instrument_token)
                WHERE r.instrument_token = ANY (?)
                """, Integer.class, (Object) values);
        return count == null ? 0 : count;
    }

    private void write(String sql, List<Instrument> instruments, String sourceFile) {
        jdbc.batchUpdate(sql, instruments, BATCH, (ps, i) -> bind(ps, i, sourceFile));
    }

    private static void bind(PreparedStatement ps, Instrument i, String sourceFile) throws SQLException {
        ps.setLong(1, i.token().value());
        ps.setLong(2, i.exchangeToken() == null ? 0 : i.exchangeToken());
        ps.setString(3, i.tradingSymbol());
        ps.setString(4, i.name());
        ps.setString(5, i.exchange());
        ps.setString(6, i.segment());
        ps.setString(7, i.instrumentType());
        ps.setBigDecimal(8, i.lastPrice());
        ps.setBigDecimal(9, i.tickSize());
        if (i.lotSize() == null) {
            ps.setNull(10, Types.INTEGER);
        } else {
            ps.setInt(10, i.lotSize());
        }
        ps.setDate(11, i.expiry() == null ? null : Date.valueOf(i.expiry()));
        ps.setBigDecimal(12, i.strike());
        ps.setString(13, sourceFile);
    }
}
