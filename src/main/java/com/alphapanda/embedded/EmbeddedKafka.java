package com.alphapanda.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller), run in-process from the Kafka server
 * classes. Storage is formatted once; a restart on the same directory keeps topics, data and committed offsets, even
 * on different ports (static voter).
 */
final class EmbeddedKafka implements EmbeddedServer {

    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private EmbeddedKafka(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    static EmbeddedKafka start(Path logDir, int configuredPort, ClassLoader classLoader) throws Exception {
        int[] ports = Ports.allocate(configuredPort, 0);
        return start(logDir, ports[0], ports[1], classLoader);
    }

    /** Starts on the given broker and controller ports (both already chosen, see {@link Ports#allocate}). */
    static EmbeddedKafka start(Path logDir, int port, int controllerPort, ClassLoader classLoader) throws Exception {
        // The broker resolves plugin classes through the context class loader (fat jar: the app class loader).
        Thread.currentThread().setContextClassLoader(classLoader);
        KafkaExits.neverKillTheJvm();
        Files.createDirectories(logDir);
        KafkaConfig config = KafkaConfig.fromProps(properties(logDir, port, controllerPort), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new EmbeddedKafka(server, port, logDir);
    }

    private static Properties properties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "12");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // A restart after kill -9 waits for the old registration to expire: keep that short.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "750");
        // The log cleaner only compacts the internal offsets and transaction topics here: the default 128 MB
        // dedupe buffer per broker would dominate the heap of the platform (and of a test JVM with several brokers).
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        // Small segments so that retention frees disk on a developer machine.
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.retention.check.interval.ms", "60000");
        return p;
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public Map<String, Object> connectionProperties() {
        return Map.of("spring.kafka.bootstrap-servers", bootstrapServers());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("bootstrapServers", bootstrapServers());
        d.put("dataDir", logDir.toString());
        return d;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
