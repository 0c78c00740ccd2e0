package com.alphapanda.core.streaming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Counts the failed deliveries of records that are being retried, by consumer group, topic, partition and offset (the
 * groups of one instance share the tracker and one group's success must not reset another's count). A partition of a
 * group has one consumer thread, so each entry is touched by one thread at a time; the map is bounded so that records whose
 * partition moved to another instance do not accumulate.
 */
final class RetryTracker {

    private static final int MAX_ENTRIES = 10_000;

    private record Position(String group, String topic, int partition, long offset) {
    }

    private final Map<Position, Integer> failures = new ConcurrentHashMap<>();

    /** Records one more failure; the number of failed deliveries so far. */
    int failed(ConsumerRecord<?, ?> record) {
        if (failures.size() >= MAX_ENTRIES) {
            failures.clear();
        }
        return failures.merge(position(record), 1, Integer::sum);
    }

    int attempts(ConsumerRecord<?, ?> record) {
        return failures.getOrDefault(position(record), 0);
    }

    void clear(ConsumerRecord<?, ?> record) {
        if (!failures.isEmpty()) {
            failures.remove(position(record));
        }
    }

    private static Position position(ConsumerRecord<?, ?> record) {
        return new Position(KafkaUtils.getConsumerGroupId(), record.topic(), record.partition(), record.offset());
    }
}
