package com.alphapanda.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes (each broker and controller) in this JVM, for multi-instance tests: the
 * platform's topics get replication factor 3 on it (its default for a cluster of three or more), and the cluster's
 * defaults require 2 in-sync replicas (internal topics included), as a production cluster would. A node can be
 * stopped and started again on its ports and data.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int[] brokerPorts;
    private final int[] controllerPorts;
    private final KafkaRaftServer[] nodes;

    private KafkaCluster(Path dataDir, int size) {
        this.dataDir = dataDir;
        int[] ports = Ports.allocate(new int[2 * size]);
        this.brokerPorts = java.util.Arrays.copyOfRange(ports, 0, size);
        this.controllerPorts = java.util.Arrays.copyOfRange(ports, size, 2 * size);
        this.nodes = new KafkaRaftServer[size];
    }

    /** Formats and starts {@code size} nodes (in parallel: a node completes its start once a quorum is up). */
    public static KafkaCluster start(Path dataDir, int size) throws Exception {
        KafkaExits.neverKillTheJvm();
        quietServerLogs();
        KafkaCluster cluster = new KafkaCluster(dataDir, size);
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= size; node++) {
            cluster.format(node, clusterId);
        }
        // One thread per node, not the common pool: a pool thread blocked in a node's start-up "helps" by running
        // another node's start-up on its own stack, before its controller listens, and the quorum never forms.
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            CompletableFuture.allOf(IntStream.rangeClosed(1, size)
                    .mapToObj(n -> CompletableFuture.runAsync(() -> cluster.startNode(n), threads))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Outside an application context nothing configures logging: keep the brokers' INFO lines out of the output. */
    static void quietServerLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    public String bootstrapServers() {
        return IntStream.range(0, brokerPorts.length).mapToObj(i -> HOST + ":" + brokerPorts[i])
                .collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.length;
    }

    /** Stops node {@code node} (1-based) as a broker failure would, keeping its data. */
    public void stopNode(int node) {
        KafkaRaftServer server;
        synchronized (this) {
            server = nodes[node - 1];
            nodes[node - 1] = null;
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** Starts a stopped node again on its ports and data. */
    public void startNode(int node) {
        Thread.currentThread().setContextClassLoader(KafkaCluster.class.getClassLoader());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties(node), false), Time.SYSTEM);
        server.startup();
        synchronized (this) {
            nodes[node - 1] = server;
        }
    }

    private Path logDir(int node) {
        return dataDir.resolve("kafka-" + node);
    }

    private void format(int node, String clusterId) throws Exception {
        Files.createDirectories(logDir(node));
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(clusterId)
                .setNodeId(node)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir(node).toString())
                .setDirectories(List.of(logDir(node).toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private Properties properties(int node) {
        String voters = IntStream.rangeClosed(1, nodes.length)
                .mapToObj(n -> n + "@" + HOST + ":" + controllerPorts[n - 1]).collect(Collectors.joining(","));
        int replicas = Math.min(3, nodes.length);
        String minIsr = Integer.toString(Math.max(1, replicas - 1));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPorts[node - 1] + ",CONTROLLER://" + HOST + ":"
                + controllerPorts[node - 1]);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPorts[node - 1]);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir(node).toString());
        p.put("default.replication.factor", Integer.toString(replicas));
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // a stopped node goes as a failed broker does (its partitions move once its session times out), and closing
        // the cluster never waits (up to 5 minutes) for a controlled shutdown that a quorum already gone cannot approve
        p.put("controlled.shutdown.enable", "false");
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "750");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("background.threads", "2");
        return p;
    }

    @Override
    public void close() {
        // one thread per node, as in start: a common-pool thread could run another node's shutdown nested in one's
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (int node = 1; node <= nodes.length; node++) {
                int n = node;
                stops.add(CompletableFuture.runAsync(() -> stopNode(n), threads));
            }
            stops.forEach(CompletableFuture::join);
        }
    }
}
