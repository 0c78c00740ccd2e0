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
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
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
 * keep the topic data and the tables written before the kill, report healthy only once every listener holds its
 * partitions, and consume again within 15 s of launching the restarted process (static group membership: no wait
 * for the killed member).
 */
class CrashRestartIT {

    /** The instance id of every start (the paper venue's tick group is per instance). */
    private static final String INSTANCE = "crash-restart-1";

    private static final Path JAR = Path.of("target", "alpha-panda.jar");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Issue 12: consumption resumes within 15 s of restarting after {@code kill -9}: from launching the process, less
     * the time it spends bringing up its own embedded Kafka, PostgreSQL and Redis (which a production instance on
     * external servers does not restart; the process reports that time in its log).
     */
    private static final Duration RESTART_TO_CONSUMING = Duration.ofSeconds(15);

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

        long restart = System.nanoTime(); // the restarted process is launched now
        process = start(port, "second-run.log");
        JsonNode restarted = awaitHealthy(port);
        long assigned = System.nanoTime(); // healthy: every listener holds its partitions (the listeners indicator)
        assertThat(getJson(port, "/actuator/health").path("components").path("listeners").path("status")
                .asString(null)).isEqualTo("UP");

        String newBootstrap = restarted.get("embedded").get("kafka").get("bootstrapServers").asString();
        String newJdbcUrl = restarted.get("embedded").get("postgres").get("jdbcUrl").asString();
        RecordMetadata after = produce(newBootstrap, Envelopes.root(Topics.MARKET_TICKS,
                MarketTick.ltp(InstrumentToken.of(738561), Price.of("2501"), Instant.now()), "crash-test"));
        awaitConsumed(newBootstrap, after, RESTART_TO_CONSUMING.multipliedBy(4));
        long consuming = System.nanoTime();
        Duration launchToConsuming = Duration.ofNanos(consuming - restart);
        Duration restartToConsuming = launchToConsuming.minus(embeddedServersStartUp("second-run.log"));
        System.out.printf("restart after kill -9: launch to every listener assigned %d ms, to every tick group"
                + " consuming %d ms; without the embedded servers' start %d ms%n", (assigned - restart) / 1_000_000,
                launchToConsuming.toMillis(), restartToConsuming.toMillis());
        assertThat(restartToConsuming).as("from launching the restarted process until every listener holds its"
                + " partitions and every tick group consumes again, less the embedded servers' start (launch to"
                + " assigned: %d ms, to consuming: %d ms; the process reports: %s; load average %.1f)",
                (assigned - restart) / 1_000_000, launchToConsuming.toMillis(), startUpReport("second-run.log"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .isLessThanOrEqualTo(RESTART_TO_CONSUMING);
        assertThat(consumeIds(newBootstrap)).contains(tick.id().asString());
        assertThat(query(newJdbcUrl, "SELECT reason FROM trading_state WHERE broker = 'zerodha'"))
                .isEqualTo("before the crash");

        process.destroy(); // SIGTERM: graceful
        assertThat(process.waitFor()).isIn(0, 143);
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aFreshRunKilledWithKillNineLeavesNothingBehindOnceTheNextRunStarted() throws Exception {
        int port = freePort();
        process = start(port, "fresh-first.log", "--fresh");
        JsonNode info = awaitHealthy(port);
        Path killedDir = Path.of(info.get("embedded").get("postgres").get("dataDir").asString()).getParent();
        long postmaster = Long.parseLong(Files.readAllLines(killedDir.resolve("postgres/postmaster.pid")).get(0).trim());
        long redis = Long.parseLong(Files.readString(killedDir.resolve("redis/redis.pid")).trim());
        List<Long> backends = ProcessHandle.of(postmaster).orElseThrow().children().map(ProcessHandle::pid).toList();

        process.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(postmaster)).as("kill -9 orphans PostgreSQL").isPresent();

        process = start(port, "fresh-second.log", "--fresh");
        JsonNode second = awaitHealthy(port);
        assertThat(killedDir).as("the killed run's temporary directory").doesNotExist();
        for (long pid : concat(List.of(postmaster, redis), backends)) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d of the killed run", pid)
                    .isEmpty();
        }
        Path secondDir = Path.of(second.get("embedded").get("postgres").get("dataDir").asString()).getParent();
        assertThat(secondDir.getParent()).isEqualTo(killedDir.getParent());
        assertThat(secondDir.resolve("redis/bin")).as("the Redis binary lives in the data directory, not in the"
                + " temp folder where kill -9 would leave it").isDirectory();

        process.destroy();
        assertThat(process.waitFor()).isIn(0, 143);
        assertThat(secondDir).as("a graceful stop deletes the temporary directory").doesNotExist();
    }

    /** How long the process took to start its embedded servers, as it reports in its log. */
    private Duration embeddedServersStartUp(String logName) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + logName);
        Matcher started = Pattern.compile("Embedded servers started in (\\d+) ms")
                .matcher(Files.readString(log));
        assertThat(started.find()).as("the restarted process reports its embedded servers' start-up").isTrue();
        return Duration.ofMillis(Long.parseLong(started.group(1)));
    }

    /** The restarted process's own start-up timings, from its log. */
    private String startUpReport(String logName) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + logName);
        return String.join("; ", Files.readAllLines(log).stream()
                .filter(l -> l.contains("Embedded servers started in") || l.contains("Started AlphaPandaCommand in"))
                .map(l -> l.substring(l.lastIndexOf(" : ") + 3).replaceAll(" \\(persistent data in .*", ""))
                .toList());
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Process start(int port, String logName, String... extra) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "run",
                "--server.port=" + port, "--alpha-panda.api.bootstrap-token=" + ApiTestClient.ADMIN_TOKEN,
                "--alpha-panda.instance-id=" + INSTANCE));
        if (extra.length == 0) {
            command.addAll(List.of("--data-dir", dataDir.toString()));
        } else {
            command.addAll(List.of(extra));
        }
        File log = dataDir.resolveSibling(dataDir.getFileName() + "-" + logName).toFile();
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

    private static RecordMetadata produce(String bootstrap, Envelope<MarketTick> tick) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.MARKET_TICKS.name(), tick.key(),
                    new EventCodec().encode(tick))).get();
        }
    }

    /**
     * Waits until every consumer group of the tick topic consumes again: it commits past the record just produced, or
     * (when it is still working through the ticks the feed published during the restart) its committed offsets move
     * forward. A group stuck in a rebalance waiting for the killed member does neither.
     */
    private static void awaitConsumed(String bootstrap, RecordMetadata record, Duration within) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        List<String> groups = List.of("alpha-panda.strategy-runner.ticks", "alpha-panda.paper-trading.ticks." + INSTANCE,
                "alpha-panda.portfolio-manager.ticks." + INSTANCE); // the tick groups of their own per instance
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<String, Long> before = new java.util.HashMap<>();
            for (String group : groups) {
                before.put(group, committedTotal(admin, group));
            }
            await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    OffsetAndMetadata committed = offsets.get(partition);
                    boolean pastRecord = committed != null && committed.offset() > record.offset();
                    assertThat(pastRecord || committedTotal(admin, group) > before.get(group))
                            .as(group + " consumes after the restart").isTrue();
                }
            });
        }
    }

    private static long committedTotal(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
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
