package com.alphapanda.core.streaming;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Fast recovery after a crash, and an honest readiness:
 * <ul>
 * <li>Before the listener containers start, each is given static group membership: {@code group.instance.id} =
 * {@code <instance-id>.<listener id>} (each concurrent consumer adds {@code -n}). A restarted instance takes its
 * predecessor's place in the group at once instead of waiting for the killed member to time out and for a rebalance
 * (up to {@code max.poll.interval.ms}, 5 minutes).</li>
 * <li>As the {@code listeners} health indicator (part of readiness) it is DOWN until every consumer of every running
 * container has completed its group join and holds its assignment (possibly empty when other instances own all
 * partitions), and again while one is in a rebalance.</li>
 * </ul>
 */
public final class ListenerAssignments extends AbstractHealthIndicator implements SmartLifecycle {

    private final KafkaListenerEndpointRegistry registry;
    private final String instanceId;
    /** listener id → consumer thread name → whether it holds an assignment now. */
    private final Map<String, Map<String, Boolean>> joined = new ConcurrentHashMap<>();
    private volatile boolean running;

    public ListenerAssignments(KafkaListenerEndpointRegistry registry, String instanceId) {
        super("Listener assignment check failed");
        this.registry = registry;
        this.instanceId = instanceId;
    }

    /** Configures every container before the registry starts them (an earlier lifecycle phase). */
    @Override
    public void start() {
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            String id = container.getListenerId();
            var properties = container.getContainerProperties();
            Properties own = new Properties(); // never change a Properties object containers may share
            own.putAll(properties.getKafkaConsumerProperties());
            own.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "." + id);
            properties.setKafkaConsumerProperties(own);
            Map<String, Boolean> consumers = joined.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
            ConsumerRebalanceListener previous = properties.getConsumerRebalanceListener();
            properties.setConsumerRebalanceListener(new Tracking(consumers, previous));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Long before {@link KafkaListenerEndpointRegistry} starts the containers. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> waiting = new TreeMap<>();
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            if (!container.isRunning()) {
                continue;
            }
            int expected = consumers(container);
            Collection<Boolean> states = joined.getOrDefault(container.getListenerId(), Map.of()).values();
            long assigned = states.stream().filter(Boolean::booleanValue).count();
            if (assigned < expected) {
                waiting.put(container.getListenerId(), assigned + " of " + expected + " consumers assigned");
            }
        }
        if (waiting.isEmpty()) {
            builder.up();
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
