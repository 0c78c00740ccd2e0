package com.alphapanda.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the timestamp of the first record a read_committed consumer would read from a position, with a group-less
 * consumer that only assigns and seeks (it never commits). Found timestamps are cached: records are immutable.
 * Several positions on one partition (several groups) are looked up in successive rounds. Used by one thread.
 */
final class RecordTimestamps implements AutoCloseable {

    /** What is at a position. */
    sealed interface Lookup {
    }

    /** The first visible record from the position has this timestamp. */
    record Found(Instant timestamp) implements Lookup {
    }

    /** Nothing visible between the position and the end: only transaction markers or aborted records remain. */
    record NothingVisible() implements Lookup {
    }

    /** The record could not be read in time. */
    record Unknown() implements Lookup {
    }

    /**
     * Positions remembered (least recently asked dropped first). A sample asks for each group's committed position
     * per partition, which moves on as the group consumes: only an idle group asks for the same one again, so a few
     * thousand cover a cluster of many instances; a larger cache only holds positions nobody asks for any more.
     */
    private static final int CACHE_SIZE = 10_000;
    private static final Duration POLL = Duration.ofMillis(50);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final Map<RecordPosition, Instant> found = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RecordPosition, Instant> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    RecordTimestamps(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    Map<RecordPosition, Lookup> find(Collection<RecordPosition> positions, Map<TopicPartition, Long> endOffsets) {
        Map<RecordPosition, Lookup> result = new HashMap<>();
        Map<TopicPartition, List<RecordPosition>> todo = new HashMap<>();
        for (RecordPosition position : new HashSet<>(positions)) {
            Instant cached = found.get(position);
            if (cached != null) {
                result.put(position, new Found(cached));
            } else {
                todo.computeIfAbsent(position.partition(), tp -> new ArrayList<>()).add(position);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int round = 0; !todo.isEmpty(); round++) {
            List<RecordPosition> batch = new ArrayList<>();
            todo.values().removeIf(list -> {
                batch.add(list.removeLast());
                return list.isEmpty();
            });
            lookUp(batch, endOffsets, deadline, result);
        }
        return result;
    }

    private void lookUp(List<RecordPosition> batch, Map<TopicPartition, Long> endOffsets, long deadline,
                        Map<RecordPosition, Lookup> result) {
        Map<TopicPartition, RecordPosition> pending = new HashMap<>();
        batch.forEach(p -> pending.put(p.partition(), p));
        consumer.assign(pending.keySet());
        batch.forEach(p -> consumer.seek(p.partition(), p.offset()));
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (TopicPartition tp : records.partitions()) {
                RecordPosition position = pending.remove(tp);
                if (position != null) {
                    ConsumerRecord<byte[], byte[]> first = records.records(tp).getFirst();
                    Instant timestamp = Instant.ofEpochMilli(first.timestamp());
                    found.put(position, timestamp);
                    result.put(position, new Found(timestamp));
                }
            }
            Set<TopicPartition> exhausted = new HashSet<>();
            pending.forEach((tp, p) -> {
                if (consumer.position(tp) >= endOffsets.getOrDefault(tp, Long.MAX_VALUE)) {
                    exhausted.add(tp);
                    result.put(p, new NothingVisible());
                }
            });
            pending.keySet().removeAll(exhausted);
            consumer.pause(consumer.assignment().stream().filter(tp -> !pending.containsKey(tp)).toList());
        }
        pending.values().forEach(p -> result.put(p, new Unknown()));
        consumer.assign(List.of());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
