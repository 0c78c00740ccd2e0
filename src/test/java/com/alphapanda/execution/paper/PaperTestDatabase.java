package com.alphapanda.execution.paper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real PostgreSQL (embedded, temporary) migrated to the current schema, for paper venue tests without Spring. */
final class PaperTestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    final DataSource dataSource;
    final JdbcClient jdbc;

    PaperTestDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    void clear() {
        jdbc.sql("TRUNCATE paper_journal, paper_inputs, paper_holdings, paper_accounts, paper_orders, paper_tick_progress").update();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
