package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.EventCodec;
import java.io.File;
import java.math.BigDecimal;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar replays a recorded morning (six instruments, one tick per instrument per second, each instrument
 * jumping 2 % once, at staggered times) for three momentum strategies whose 20-tick windows span the jumps. One run is
 * uninterrupted; another, on its own data directory, is killed with SIGKILL mid-replay and restarted on the same
 * directory. The restarted run must resume the replay at its next unpublished tick (no tick published twice) and
 * rebuild the strategies' windows (no signal lost to a new warm-up, none traded twice), and so end with exactly the
 * uninterrupted run's signals, fills, positions, cash and PnL. Prices are flat between jumps, so a fill's price does
 * not depend on how far the venue's tick consumer has run ahead.
 */
class ReplayCrashResumeIT {

    private static final Path JAR = Path.of("target", "alpha-panda.jar");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long[] TOKENS = {738561, 81153, 2953217, 1270529, 492033, 2815745};
    private static final int TICKS_PER_INSTRUMENT = 240;
    private static final int LOOKBACK = 20;
    /** Each jump gives LOOKBACK - 1 BUY signals (while the window's oldest price is before the jump). */
    private static final int EXPECTED_FILLS = TOKENS.length * (LOOKBACK - 1);

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void aReplayKilledMidDayAndRestartedOnItsDataDirectoryEndsExactlyAsAnUninterruptedRun() throws Exception {
        Path ticks = writeTicks(dir.resolve("morning.csv"));
        Path strategies = writeStrategies(dir.resolve("strategies.yaml"));

        Outcome uninterrupted = runToEnd(dir.resolve("uninterrupted"), ticks, strategies, "uninterrupted.log");
        assertThat(uninterrupted.fills()).hasSize(EXPECTED_FILLS);

        Path crashDir = dir.resolve("crashed");
        int port = freePort();
        process = start(crashDir, port, ticks, strategies, "crash-first.log");
        String jdbc = awaitHealthy(port).get("embedded").get("postgres").get("jdbcUrl").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(jdbc, "SELECT count(*) FROM fills") >= 2 * (LOOKBACK - 1));
        long beforeKill = count(jdbc, "SELECT count(*) FROM fills");
        process.destroyForcibly().waitFor(); // SIGKILL mid-day: open transactions, nothing flushed
        System.out.printf("killed with %d of %d fills booked%n", beforeKill, EXPECTED_FILLS);
        assertThat(beforeKill).as("killed mid-day").isLessThan(EXPECTED_FILLS);

        Outcome restarted = runToEnd(crashDir, ticks, strategies, "crash-second.log");
        String second = Files.readString(dir.resolve("crash-second.log"));
        assertThat(second).as("the replay continued where the killed run stopped")
                .containsPattern("Replay of .*morning.csv resumes at tick [0-9]+ of " + ticksInFile());
        assertThat(second).as("the strategies' windows were rebuilt from the tick partitions")
                .containsPattern("Strategy state of market.ticks-[0-9]+ rebuilt up to offset [0-9]+: [1-9][0-9]*"
                        + " instruments, [1-9][0-9]* ticks folded");

        assertThat(restarted.tickIds()).as("every tick of the file published once").hasSize(ticksInFile())
                .doesNotHaveDuplicates();
        assertThat(restarted.tickIds()).containsExactlyInAnyOrderElementsOf(uninterrupted.tickIds());
        assertThat(restarted.decisions()).as("every signal decided once").isEqualTo(uninterrupted.decisions());
        assertThat(restarted.fills()).containsExactlyInAnyOrderElementsOf(uninterrupted.fills());
        assertThat(restarted.positions()).isEqualTo(uninterrupted.positions());
        assertThat(restarted.accounts()).isEqualTo(uninterrupted.accounts());
    }

    /** What a run ended with, in comparable form (generated ids left out). */
    record Outcome(List<String> tickIds, List<String> decisions, List<String> fills, List<String> positions,
                   List<String> accounts) {
    }

    private Outcome runToEnd(Path dataDir, Path ticks, Path strategies, String logName) throws Exception {
        int port = freePort();
        process = start(dataDir, port, ticks, strategies, logName);
        JsonNode info = awaitHealthy(port);
        String jdbc = info.get("embedded").get("postgres").get("jdbcUrl").asString();
        String bootstrap = info.get("embedded").get("kafka").get("bootstrapServers").asString();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(jdbc, "SELECT count(*) FROM fills") >= EXPECTED_FILLS);
        Thread.sleep(8_000); // anything traded twice would arrive now
        Outcome outcome = new Outcome(tickIds(bootstrap),
                rows(jdbc, "SELECT strategy_id, validated, count(*) FROM risk_decisions GROUP BY 1, 2 ORDER BY 1, 2"),
                rows(jdbc, "SELECT strategy_id, instrument_token, side, quantity, price, fees, realized_pnl, event_time"
                        + " FROM fills ORDER BY 1, 2, 8, 5"),
                rows(jdbc, "SELECT strategy_id, instrument_token, quantity, cost_basis, realized_pnl, fees"
                        + " FROM positions ORDER BY 1, 2"),
                rows(jdbc, "SELECT strategy_id, cash, realized_pnl, fees, fill_count FROM portfolio_accounts"
                        + " ORDER BY 1"));
        process.destroy();
        process.waitFor();
        return outcome;
    }

    private static Path writeTicks(Path file) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,instrument_token,last_price"));
        OffsetDateTime open = OffsetDateTime.parse("2026-01-05T09:15:01+05:30");
        for (int t = 0; t < TICKS_PER_INSTRUMENT; t++) {
            for (int i = 0; i < TOKENS.length; i++) {
                BigDecimal base = BigDecimal.valueOf(1000 + 100L * i);
                int jumpAt = LOOKBACK + (2 * LOOKBACK - 2) * i; // windows of consecutive jumps just touch
                BigDecimal price = t < jumpAt ? base : base.multiply(new BigDecimal("1.02"));
                lines.add(open.plusSeconds(t) + "," + TOKENS[i] + "," + price.toPlainString());
            }
        }
        return Files.write(file, lines);
    }

    private static int ticksInFile() {
        return TICKS_PER_INSTRUMENT * TOKENS.length;
    }

    private static Path writeStrategies(Path file) throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            yaml.append("- strategy_name: crash_momentum_").append(s).append('\n')
                    .append("  strategy_type: momentum\n")
                    .append("  instrument_tokens: [").append(TOKENS[2 * s]).append(", ").append(TOKENS[2 * s + 1])
                    .append("]\n")
                    .append("  parameters:\n")
                    .append("    lookback_periods: ").append(LOOKBACK).append('\n')
                    .append("    threshold: 0.01\n")
                    .append("    position_size: 10\n");
        }
        return Files.writeString(file, yaml.toString());
    }

    private Process start(Path dataDir, int port, Path ticks, Path strategies, String logName) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "run",
                "--data-dir", dataDir.toString(),
                "--server.port=" + port, "--alpha-panda.api.bootstrap-token=" + ApiTestClient.ADMIN_TOKEN,
                "--alpha-panda.demo=false",
                "--alpha-panda.market-feed.source=replay",
                "--alpha-panda.market-feed.replay.file=" + ticks,
                "--alpha-panda.market-feed.replay.speed=10",
                "--alpha-panda.strategies.seed-file=" + strategies,
                "--alpha-panda.monitoring.probe.enabled=false"));
        File log = dir.resolve(logName).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private JsonNode awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() -> {
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

    /** The ids of every committed tick on market.ticks. */
    private static List<String> tickIds(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-crash-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        EventCodec codec = new EventCodec();
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("market.ticks"));
            int emptyPolls = 0;
            while (emptyPolls < 4) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                records.forEach(r -> ids.add(codec.decode(r.value()).id().asString()));
            }
        }
        return ids;
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(String jdbcUrl, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
