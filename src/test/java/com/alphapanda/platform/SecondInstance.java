package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.core.env.Environment;

/**
 * A second platform instance in its own JVM (the packaged jar) on the test's embedded servers, for crash tests: it
 * joins the same consumer groups, so the two instances split the partitions. Also reads topics back.
 */
final class SecondInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target", "alpha-panda.jar");

    private final Environment env;
    private final String instanceId;
    private final Path logs;
    private Process process;

    SecondInstance(Environment env, String instanceId, Path logs) {
        this.env = env;
        this.instanceId = instanceId;
        this.logs = logs;
    }

    void start(String logName) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "run",
                "--server.port=" + freePort(),
                "--alpha-panda.instance-id=" + instanceId,
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
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** SIGKILL: no shutdown hook, no flush, transactions left open. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Waits until every one of these groups has members in {@code instances} instances (this one counted). */
    void awaitMembers(int instances, List<String> groups) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.getProperty("spring.kafka.bootstrap-servers")))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(process.isAlive()).as("second instance running").isTrue();
                var described = admin.describeConsumerGroups(groups).all().get();
                return described.values().stream().allMatch(g -> g.members().stream()
                        .map(m -> m.clientId().contains(instanceId)).distinct().count() == instances);
            });
        }
    }

    /** Every committed record of a topic whose key starts with {@code prefix}. */
    static List<Envelope<EventPayload>> read(Environment env, String topic, String prefix) {
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
