package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances share the work (consumer groups split the partitions). The second, a separate JVM, is killed with
 * SIGKILL while signals are being processed, then started again. Afterwards every validated signal has exactly one
 * fill: nothing lost in the crash, nothing done twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.properties.session.timeout.ms=6000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "spring.kafka.producer.properties.transaction.timeout.ms=10000"})
class CrashMidStreamIT {

    private static final Path JAR = Path.of("target", "alpha-panda.jar");
    private static final int SIGNALS = 480;

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @LocalServerPort
    int port;
    @TempDir
    Path logs;

    private Process second;

    @AfterEach
    void stopSecond() throws Exception {
        if (second != null && second.isAlive()) {
            second.destroy();
            second.waitFor();
        }
    }

    @Test
    void fillsEqualValidatedSignalsExactlyAfterAnInstanceIsKilledMidStream() throws Exception {
        PipelineTestSupport pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
        second = startSecondInstance("second-1.log");
        awaitMembers(2);

        String prefix = "crash_" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < SIGNALS; i++) {
            StrategyId strategy = StrategyId.of(prefix + "_" + (i % 24));
            InstrumentToken token = InstrumentToken.of(60_000_000L + i);
            pipeline.signal(strategy, token, SignalType.BUY, 1, "100", null, PipelineTestSupport.SESSION.plusMillis(i));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> decided(prefix) >= 20);
        second.destroyForcibly().waitFor(); // SIGKILL mid-stream
        long decidedAtKill = decided(prefix);

        second = startSecondInstance("second-2.log");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() ->
                validatedOf(prefix).size() == SIGNALS && fillsOf(prefix).size() >= SIGNALS);
        Thread.sleep(5_000); // a duplicate, if any, would arrive now

        List<Envelope<EventPayload>> validated = validatedOf(prefix);
        List<Envelope<EventPayload>> fills = fillsOf(prefix);
        System.out.printf("crash mid-stream: %d risk decisions at the kill, %d validated, %d fills after%n",
                decidedAtKill, validated.size(), fills.size());
        assertThat(decidedAtKill).as("killed while processing").isLessThan(SIGNALS);
        assertThat(validated).hasSize(SIGNALS);
        assertThat(fills).hasSize(validated.size());
        Set<String> fillIds = new HashSet<>();
        Set<String> signalKeys = new HashSet<>();
        fills.forEach(f -> fillIds.add(((OrderFilled) f.payload()).fillId()));
        validated.forEach(v -> signalKeys.add(((ValidatedSignal) v.payload()).originalSignal().partitionKey()));
        assertThat(fillIds).hasSize(SIGNALS);
        assertThat(signalKeys).hasSize(SIGNALS);
        // the portfolio manager applies each of them once too
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM fills WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single() == SIGNALS);
        Thread.sleep(3_000);
        assertThat(jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single()).isEqualTo(SIGNALS);
    }

    private long decided(String prefix) {
        return jdbc.sql("SELECT count(*) FROM risk_decisions WHERE strategy_id LIKE :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    private Process startSecondInstance(String logName) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "run",
                "--server.port=" + freePort(),
                "--alpha-panda.instance-id=crash-second",
                "--alpha-panda.market-feed.source=none",
                "--alpha-panda.monitoring.probe.enabled=false",
                "--alpha-panda.api.bootstrap-token=" + ApiTestClient.ADMIN_TOKEN,
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.kafka.producer.properties.transaction.timeout.ms=10000"));
        File log = logs.resolve(logName).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits until the risk manager's and paper venue's groups have members in both instances. */
    private void awaitMembers(int instances) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                env.getProperty("spring.kafka.bootstrap-servers")))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(second.isAlive()).as("second instance running").isTrue();
                var groups = admin.describeConsumerGroups(List.of("alpha-panda.risk-manager.signals",
                        "alpha-panda.paper-trading.signals")).all().get();
                return groups.values().stream().allMatch(g -> g.members().stream()
                        .map(m -> m.clientId().contains("crash-second")).distinct().count() == instances);
            });
        }
    }

    private List<Envelope<EventPayload>> validatedOf(String prefix) {
        return read(Topics.signalsValidated(com.alphapanda.core.event.Broker.PAPER).name(), prefix);
    }

    private List<Envelope<EventPayload>> fillsOf(String prefix) {
        return read(Topics.ordersFilled(com.alphapanda.core.event.Broker.PAPER).name(), prefix);
    }

    /** Every committed record of a topic whose key belongs to this test's strategies. */
    private List<Envelope<EventPayload>> read(String topic, String prefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.getProperty("spring.kafka.bootstrap-servers"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        EventCodec codec = new EventCodec();
        List<Envelope<EventPayload>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                records.forEach(r -> {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        found.add(codec.decode(r.value()));
                    }
                });
            }
        }
        return found;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
