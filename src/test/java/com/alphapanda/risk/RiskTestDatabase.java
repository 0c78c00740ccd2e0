package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real PostgreSQL (embedded, temporary) migrated to the current schema, for the risk manager without Spring. */
final class RiskTestDatabase implements AutoCloseable {

    /** 10:30 IST on a trading Tuesday. */
    static final Instant SESSION = Instant.parse("2026-12-01T05:00:00Z");

    private final EmbeddedPostgres postgres;
    final DataSource dataSource;
    final JdbcClient jdbc;

    RiskTestDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    static Envelope<TradingSignal> signal(StrategyId strategy, InstrumentToken token, SignalType side, long quantity,
                                          String price, Instant at) {
        return Envelopes.root(Topics.signalsRaw(Broker.PAPER), new TradingSignal(strategy, token, side,
                Quantity.of(quantity), price == null ? null : Price.of(price), at, null, null, "test signal"),
                "test");
    }

    long validated(StrategyId strategy) {
        return jdbc.sql("SELECT count(*) FROM risk_decisions WHERE strategy_id = :s AND validated")
                .param("s", strategy.value()).query(Long.class).single();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
