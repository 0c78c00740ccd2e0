package com.alphapanda.execution.paper;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last ticks this instance's tick consumer read, per partition, in front of {@code market.ticks}: a range they
 * cover is handed over from memory, any other is read from the topic. An order left working by a signal the venue
 * reads after its tick consumer has passed the signal's tick is matched against the ticks in between at once; on a
 * busy day that is most resting orders, and reading them from memory spares a Kafka consumer per signal in the signal
 * batch (which holds the venue while it reads).
 *
 * <p>What makes a remembered range complete: the consumer delivers a partition's committed records in offset order,
 * and it only moves past a record by delivering it (a record read again after a rollback or a retry is at or below
 * the last one remembered and is ignored). The offsets between two remembered ticks that are not remembered are those
 * the topic itself would not hand over either: transaction markers, aborted records, and records that do not decode.
 * When the consumer starts a partition somewhere else (it is assigned again), what was remembered of it is dropped.
 * At most {@code perPartition} ticks are kept per partition, the oldest dropped first.
 */
final class RecentTicks implements TickHistory {

    private final TickHistory topic;
    private final int perPartition;
    private final Map<Integer, ArrayDeque<Tick>> byPartition = new HashMap<>();

    RecentTicks(TickHistory topic, int perPartition) {
        if (perPartition < 1) {
            throw new IllegalArgumentException("perPartition must be at least 1, not " + perPartition);
        }
        this.topic = topic;
        this.perPartition = perPartition;
    }

    /** The tick consumer read {@code tick} on {@code partition}. */
    void add(int partition, Tick tick) {
        ArrayDeque<Tick> ticks = byPartition.computeIfAbsent(partition, p -> new ArrayDeque<>());
        if (!ticks.isEmpty() && tick.offset() <= ticks.peekLast().offset()) {
            return; // read again: the same record
        }
        ticks.addLast(tick);
        if (ticks.size() > perPartition) {
            ticks.removeFirst();
        }
    }

    /** The consumer was assigned these partitions (again): it may start them anywhere. */
    void forget(Collection<Integer> partitions) {
        partitions.forEach(byPartition::remove);
    }

    /** True when the remembered ticks of {@code partition} cover {@code from..to}. */
    boolean covers(int partition, long from, long to) {
        ArrayDeque<Tick> ticks = byPartition.get(partition);
        return ticks != null && !ticks.isEmpty() && from >= ticks.peekFirst().offset()
                && to <= ticks.peekLast().offset();
    }

    @Override
    public void read(int partition, long from, long to, Consumer<Tick> each) {
        if (!covers(partition, from, to)) {
            topic.read(partition, from, to, each);
            return;
        }
        for (Tick tick : byPartition.get(partition)) {
            if (tick.offset() > to) {
                return;
            }
            if (tick.offset() >= from) {
                each.accept(tick);
            }
        }
    }
}
