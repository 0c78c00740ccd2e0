package com.alphapanda.core.streaming;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import com.alphapanda.core.platform.Services;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Fast recovery after a crash, and an honest readiness:
 * <ul>
 * <li>As each listener container is created (a container customizer), it is given static group membership:
 * {@code group.instance.id} = {@code <instance-id>.<listener id>} (each concurrent consumer adds {@code -n}). A restarted instance takes its
 * predecessor's place in the group at once instead of waiting for the killed member to time out and for a rebalance
 * (up to {@code max.poll.interval.ms}, 5 minutes).</li>
 * <li>As the {@code listeners} health indicator (part of readiness) it is DOWN until every consumer of every running
 * container has completed its group join and holds its assignment (possibly empty when other instances own all
 * partitions), and again while one is in a rebalance.</li>
 * <li>A container whose service this instance does not run ({@code alpha-panda.services}) is never started: it joins
 * no consumer group and is left out of readiness.</li>
 * </ul>
 */
public final class ListenerAssignments extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ListenerAssignments.class);

    private final String instanceId;
    private final Services services;
    /** The containers configured here, by listener id. */
    private final Map<String, MessageListenerContainer> containers = new ConcurrentHashMap<>();
    /** listener id → consumer thread name → whether it holds an assignment now. */
    private final Map<String, Map<String, Boolean>> joined = new ConcurrentHashMap<>();

    public ListenerAssignments(String instanceId, Services services) {
        super("Listener assignment check failed");
        this.instanceId = instanceId;
        this.services = services;
    }

    /** Static membership and assignment tracking for a container about to be started. */
    public void configure(MessageListenerContainer container) {
        String id = container.getListenerId();
        if (!services.runsListener(id)) {
            container.setAutoStartup(false);
            log.info("Listener {} not started: its service is not in alpha-panda.services ({})", id, services);
            return;
        }
        var properties = container.getContainerProperties();
        Properties own = new Properties(); // never change a Properties object containers may share
        own.putAll(properties.getKafkaConsumerProperties());
        own.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId(instanceId, id));
        properties.setKafkaConsumerProperties(own);
        Map<String, Boolean> consumers = joined.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
        properties.setConsumerRebalanceListener(new Tracking(consumers, properties.getConsumerRebalanceListener()));
        containers.put(id, container);
    }

    /** Kafka allows only ASCII letters, digits, '.', '_' and '-' (a listener without an id is named "...#0"). */
    public static String groupInstanceId(String instanceId, String listenerId) {
        return (instanceId + "." + listenerId).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> waiting = new TreeMap<>();
        containers.forEach((id, container) -> {
            if (container.isRunning()) {
                int expected = consumers(container);
                long assigned = joined.get(id).values().stream().filter(Boolean::booleanValue).count();
                if (assigned < expected) {
                    waiting.put(id, assigned + " of " + expected + " consumers assigned");
                }
            }
        });
        if (waiting.isEmpty()) {
            builder.up().withDetail("containers", containers.size());
        } else {
            builder.down().withDetail("waiting", waiting);
        }
    }

    private static int consumers(MessageListenerContainer container) {
        if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            List<?> children = concurrent.getContainers();
            return children.isEmpty() ? concurrent.getConcurrency() : children.size();
        }
        return 1;
    }

    /** Records, per consumer thread, whether it holds an assignment; then calls the listener set before, if any. */
    private record Tracking(Map<String, Boolean> consumers, ConsumerRebalanceListener previous)
            implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            consumers.put(Thread.currentThread().getName(), false);
            if (previous != null) {
                previous.onPartitionsRevoked(partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumers.put(Thread.currentThread().getName(), true);
            if (previous != null) {
                previous.onPartitionsAssigned(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            consumers.put(Thread.currentThread().getName(), false);
            if (previous != null) {
                previous.onPartitionsLost(partitions);
            }
        }
    }
}
