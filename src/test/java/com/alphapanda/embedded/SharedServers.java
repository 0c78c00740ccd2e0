package com.alphapanda.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * The servers several platform instances share in a multi-instance test, as in production: a Kafka cluster of three
 * KRaft nodes (replication factor 3, min ISR 2), one PostgreSQL and one Redis, all started in the test JVM on
 * {@code dataDir}. Instances ({@link PlatformInstance}) connect to them as external servers.
 */
public final class SharedServers implements AutoCloseable {

    private final KafkaCluster kafka;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;

    private SharedServers(KafkaCluster kafka, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
    }

    /** Starts Kafka (3 nodes), PostgreSQL and Redis in parallel. */
    public static SharedServers start(Path dataDir) throws Exception {
        KafkaCluster.quietServerLogs();
        CompletableFuture<KafkaCluster> kafka = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaCluster.start(dataDir.resolve("kafka"), 3);
            } catch (Exception e) {
                throw new IllegalStateException("starting the Kafka cluster", e);
            }
        });
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), 0, false);
        return new SharedServers(kafka.join(), postgres, redis);
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Spring properties connecting an application to these servers. */
    public Map<String, Object> connectionProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
        properties.putAll(postgres.connectionProperties());
        properties.putAll(redis.connectionProperties());
        return properties;
    }

    /** The same as {@code --key=value} command-line arguments (an empty value as {@code --key=}). */
    public List<String> connectionArguments() {
        List<String> arguments = new ArrayList<>();
        connectionProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    /** The PostgreSQL database (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    /** The members of each group, by the client id (which starts with the instance id) of each member. */
    public static Map<String, List<String>> memberClientIds(Admin admin, List<String> groups) throws Exception {
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
        for (String group : groups) {
            members.put(group, described.get(group).members().stream().map(MemberDescription::clientId).toList());
        }
        return members;
    }

    @Override
    public void close() {
        kafka.close();
        redis.close();
        postgres.close();
    }
}
