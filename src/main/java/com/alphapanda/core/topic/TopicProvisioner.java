package com.alphapanda.core.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics idempotently and checks existing ones. Existing topics are never re-created or altered;
 * one with fewer partitions than the catalogue requires is reported (adding partitions would silently re-map keys to
 * partitions and break per-key ordering, so that is left to an operator).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;
    private static final int METADATA_ATTEMPTS = 10;

    private final Admin admin;
    private final int replicationFactor;

    /** @param replicationFactor 0 picks min(3, cluster size) */
    public TopicProvisioner(Admin admin, int replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** What provisioning found and did. */
    public record Report(List<String> created, List<String> existing, List<UnderPartitioned> underPartitioned) {
        public boolean isHealthy() {
            return underPartitioned.isEmpty();
        }
    }

    /** An existing topic with fewer partitions than required. */
    public record UnderPartitioned(String topic, int actual, int required) {
        @Override
        public String toString() {
            return topic + " has " + actual + " partitions, " + required + " required";
        }
    }

    public Report provision(Collection<TopicDeclaration> declarations) {
        try {
            Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicDeclaration> missing = declarations.stream().filter(d -> !present.contains(d.name())).toList();
            List<String> created = create(missing);
            // anything not created here exists, possibly created meanwhile by another instance: check them all
            List<TopicDeclaration> existing = declarations.stream().filter(d -> !created.contains(d.name())).toList();
            List<UnderPartitioned> under = checkPartitions(existing);
            under.forEach(u -> log.warn("Topic {}: increase it with your Kafka tooling (kafka-topics --alter "
                    + "--partitions {}) after draining its consumers; keys will map to new partitions", u, u.required()));
            if (!created.isEmpty()) {
                log.info("Created {} topics: {}", created.size(), created);
            }
            return new Report(created, existing.stream().map(TopicDeclaration::name).toList(), under);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not provision Kafka topics: " + rootMessage(e), e);
        }
    }

    private List<String> create(List<TopicDeclaration> missing) throws InterruptedException, ExecutionException,
            TimeoutException {
        if (missing.isEmpty()) {
            return List.of();
        }
        short rf = (short) effectiveReplicationFactor();
        List<NewTopic> newTopics = missing.stream()
                .map(d -> new NewTopic(d.name(), d.partitions(), rf).configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(d.retention().toMillis()),
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))
                .toList();
        List<String> created = new ArrayList<>();
        var results = admin.createTopics(newTopics).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // created concurrently by another instance: fine
            }
        }
        return created.stream().sorted().toList();
    }

    private List<UnderPartitioned> checkPartitions(List<TopicDeclaration> existing) throws InterruptedException,
            ExecutionException, TimeoutException {
        if (existing.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = describe(existing.stream().map(TopicDeclaration::name).toList());
        return existing.stream()
                .filter(d -> descriptions.get(d.name()).partitions().size() < d.partitions())
                .map(d -> new UnderPartitioned(d.name(), descriptions.get(d.name()).partitions().size(), d.partitions()))
                .toList();
    }

    /** Describes topics, waiting briefly for ones just created elsewhere to reach this broker's metadata. */
    private Map<String, TopicDescription> describe(List<String> names) throws InterruptedException,
            ExecutionException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == METADATA_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private int effectiveReplicationFactor() throws InterruptedException, ExecutionException, TimeoutException {
        if (replicationFactor > 0) {
            return replicationFactor;
        }
        int nodes = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
        return Math.max(1, Math.min(3, nodes));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
