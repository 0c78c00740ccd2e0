package com.alphapanda.execution.zerodha;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A real PostgreSQL (embedded, temporary) migrated to the current schema, for the zerodha tests without Spring. */
final class ZerodhaTestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    final DataSource dataSource;
    final JdbcClient jdbc;

    ZerodhaTestDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    void clearZerodha() {
        jdbc.sql("TRUNCATE zerodha_fills, zerodha_orders, zerodha_journal, zerodha_sessions").update();
    }

    ZerodhaOrderBook orderBook() {
        TransactionTemplate own = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new ZerodhaOrderBook(jdbc, own);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
