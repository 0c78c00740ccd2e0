package com.alphapanda.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.cli.AlphaPandaCommand;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.database.SchemaNotCurrentException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application against servers it did not start itself (what production does with Redpanda, managed PostgreSQL
 * and Redis), and schema validate mode against such a database.
 */
class ExternalServersIT {

    /** The versions of the shipped migrations, in order (V1__baseline.sql → "1"). */
    private static final List<String> MIGRATIONS = migrationVersions();

    private static Path dir;
    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;

    @BeforeAll
    static void startServersOutsideTheApplication() throws Exception {
        dir = Files.createTempDirectory("external-servers-it");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, ExternalServersIT.class.getClassLoader());
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0, false);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE validate_mode");
        }
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        postgres.close();
        kafka.close();
        EmbeddedServers.deleteRecursively(dir);
    }

    @Test
    void connectsToExternalServersAndStartsNoneOfItsOwn() throws Exception {
        try (ConfigurableApplicationContext app = start(postgres.jdbcUrl(), "migrate")) {
            assertThat(app.getBeanProvider(EmbeddedServers.class).getIfAvailable()).isNull();
            // UP once every listener holds its partitions (the listeners component of readiness)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> app.getBean(HealthEndpoint.class).health().getStatus(), Status.UP::equals);

            app.getBean(EventPublisher.class).publish(Topics.MARKET_TICKS, Envelopes.root(Topics.MARKET_TICKS,
                    MarketTick.ltp(InstrumentToken.of(256265), Price.of("24000.5"), Instant.now()), "it")).join();
            try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .contains("market.ticks", "market.ticks.dlq", "paper.orders.filled");
            }
            Integer tables = JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                    .sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'trading_state'")
                    .query(Integer.class).single();
            assertThat(tables).isEqualTo(1);
        }
    }

    @Test
    void validateModeRefusesAnUnmigratedDatabaseUntilDbMigrateIsRun() {
        String url = postgres.jdbcUrl().replace("/postgres", "/validate_mode");

        StringWriter status = new StringWriter();
        assertThat(cli(status, "db", "status", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres")).isZero();
        assertThat(status.toString()).contains("pending", "baseline",
                "Current version: none (empty database); pending: " + MIGRATIONS.size());

        assertThatThrownBy(() -> start(url, "validate"))
                .rootCause()
                .isInstanceOf(SchemaNotCurrentException.class)
                .hasMessage("database schema is empty (no migration applied); pending migrations: "
                        + String.join(", ", MIGRATIONS) + ". Start-up refused"
                        + " because alpha-panda.database.schema-management=validate: run './alpha-panda db migrate' to"
                        + " apply them.");

        StringWriter migrate = new StringWriter();
        assertThat(cli(migrate, "db", "migrate", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres")).isZero();
        assertThat(migrate.toString()).contains("Applied " + MIGRATIONS.size() + " migration(s); schema is at version "
                + MIGRATIONS.getLast() + ".");

        StringWriter after = new StringWriter();
        assertThat(cli(after, "db", "status", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres")).isZero();
        assertThat(after.toString()).contains("success", "Current version: " + MIGRATIONS.getLast() + "; pending: 0");

        try (ConfigurableApplicationContext app = start(url, "validate")) {
            double valid = app.getBean(MeterRegistry.class).get("schema.validation").tag("result", "valid")
                    .counter().count();
            assertThat(valid).isEqualTo(1.0);
        }
    }

    private static List<String> migrationVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int cli(StringWriter out, String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, String schemaManagement) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redis.connectionProperties().get("spring.data.redis.port"),
                "--alpha-panda.database.schema-management=" + schemaManagement,
                "--server.port=0"));
        return new SpringApplicationBuilder(AlphaPandaApplication.class).run(args.toArray(String[]::new));
    }
}
