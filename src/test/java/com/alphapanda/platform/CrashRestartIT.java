package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, as a user runs it: {@code run} with a persistent data directory, killed with SIGKILL (which
 * orphans the PostgreSQL and Redis processes), then started again on the same directory. The restart must succeed and
 * keep the topic data and the tables written before the kill.
 */
class CrashRestartIT {

    private static final Path JAR = Path.of("target", "alpha-panda.jar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void restartAfterKillNineKeepsTopicDataAndTables() throws Exception {
        int port = freePort();
        long firstStart = System.nanoTime();
        process = start(port, "first-run.log");
        JsonNode info = awaitHealthy(port);
        System.out.printf("first start to healthy: %d ms%n", (System.nanoTime() - firstStart) / 1_000_000);

        String bootstrap = info.get("embedded").get("kafka").get("bootstrapServers").asString();
        String jdbcUrl = info.get("embedded").get("postgres").get("jdbcUrl").asString();
        Envelope<MarketTick> tick = Envelopes.root(Topics.MARKET_TICKS,
                MarketTick.ltp(InstrumentToken.of(738561), Price.of("2500.5"), Instant.now()), "crash-test");
        produce(bootstrap, tick);
        execute(jdbcUrl, "INSERT INTO trading_state (broker, state, reason, changed_by) "
                + "VALUES ('zerodha', 'HALTED', 'before the crash', 'crash-test')");

        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

        long restart = System.nanoTime();
        process = start(port, "second-run.log");
        JsonNode restarted = awaitHealthy(port);
        System.out.printf("restart after kill -9 to healthy: %d ms%n", (System.nanoTime() - restart) / 1_000_000);

        String newBootstrap = restarted.get("embedded").get("kafka").get("bootstrapServers").asString();
        String newJdbcUrl = restarted.get("embedded").get("postgres").get("jdbcUrl").asString();
        assertThat(consumeIds(newBootstrap)).contains(tick.id().asString());
        assertThat(query(newJdbcUrl, "SELECT reason FROM trading_state WHERE broker = 'zerodha'"))
                .isEqualTo("before the crash");

        process.destroy(); // SIGTERM: graceful
        assertThat(process.waitFor()).isIn(0, 143);
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    private Process start(int port, String logName) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "run",
                "--data-dir", dataDir.toString(), "--server.port=" + port,
                "--alpha-panda.api.bootstrap-token=" + ApiTestClient.ADMIN_TOKEN));
        File log = dataDir.resolveSibling(dataDir.getFileName() + "-" + logName).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private JsonNode awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the application process is running").isTrue();
            return "UP".equals(getJson(port, "/actuator/health").path("status").asString(null));
        });
        return getJson(port, "/actuator/info");
    }

    private static JsonNode getJson(int port, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + ApiTestClient.ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static void produce(String bootstrap, Envelope<MarketTick> tick) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_TICKS.name(), tick.key(),
                    new EventCodec().encode(tick))).get();
        }
    }

    private static List<String> consumeIds(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-restart-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_TICKS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300))
                        .forEach(r -> ids.add(new EventCodec().decode(r.value()).id().asString()));
                return !ids.isEmpty();
            });
        }
        return ids;
    }

    private static void execute(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private static String query(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
