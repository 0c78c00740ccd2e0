package com.alphapanda.execution.paper;

import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.TickPosition;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.topic.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where this instance's tick consumer is: the offsets it has read per tick partition (in this process), how far its
 * group has committed the effects of ticks ({@code paper_tick_progress}), the tick partition of each instrument seen,
 * and the orders restored here that still have to be caught up on the ticks read before they were restored.
 */
final class TickCursor {

    private final PaperStore store;
    private final String group;
    private final Map<Integer, Long> read = new HashMap<>();
    private final Map<InstrumentToken, Integer> partitions = new HashMap<>();
    private final Set<String> catchingUp = new HashSet<>();
    /** Null until read from the database (again after a rollback). */
    private Map<Integer, Long> committed;

    TickCursor(PaperStore store, String group) {
        this.store = store;
        this.group = group;
    }

    /** This instance's tick group. */
    String group() {
        return group;
    }

    /**
     * Records that the group read a tick of {@code token} at {@code source}; true when the group had committed its
     * effects before (a redelivery, or a restart with the same group).
     */
    boolean read(PaperStore.Source source, InstrumentToken token) {
        loadCommitted();
        read.merge(source.partition(), source.offset(), Math::max);
        partitions.put(token, source.partition());
        return source.offset() <= committed.getOrDefault(source.partition(), -1L);
    }

    /** Reads the committed progress if needed. */
    void loadCommitted() {
        if (committed == null) {
            committed = new HashMap<>(store.tickProgress(group));
        }
    }

    /** A batch's ticks committed to the database up to these offsets. */
    void committed(Map<Integer, Long> offsets) {
        if (committed != null) {
            offsets.forEach((partition, offset) -> committed.merge(partition, offset, Math::max));
        }
    }

    /** A batch rolled back: the committed progress is read again. */
    void rolledBack() {
        committed = null;
    }

    /** The offset a new order of {@code token} starts after: the last tick read on its partition, -1 if none. */
    long placedAfter(InstrumentToken token) {
        return read.getOrDefault(partitionOf(token), -1L);
    }

    /** The last offset of a tick partition this instance has read in this process; null before any. */
    Long readOn(int partition) {
        return read.get(partition);
    }

    /**
     * {@code position}, unless it is absent or this instance has seen {@code token}'s ticks on another partition (a
     * position that cannot be its tick's): null then.
     */
    TickPosition sameInstrument(TickPosition position, InstrumentToken token) {
        Integer seen = partitions.get(token);
        return position != null && (seen == null || seen == position.partition()) ? position : null;
    }

    /** The tick partition of an instrument: as seen, else as Kafka's default partitioner puts its key. */
    int partitionOf(InstrumentToken token) {
        Integer seen = partitions.get(token);
        return seen != null ? seen : JournalImport.partitionOf(token.toString(), Topics.MARKET_TICKS);
    }

    /** An order was restored here: it is caught up before the next tick batch. */
    void restored(String orderId) {
        catchingUp.add(orderId);
    }

    /** All restored orders are forgotten (the venue is read again). */
    void forgetRestored() {
        catchingUp.clear();
    }

    /** These orders are caught up. */
    void caughtUp(List<PaperOrder> orders) {
        orders.forEach(o -> catchingUp.remove(o.orderId));
    }

    /** The restored orders still here, by the tick partition of their instrument. */
    Map<Integer, List<PaperOrder>> behind(PaperVenue venue) {
        if (catchingUp.isEmpty()) {
            return Map.of();
        }
        catchingUp.removeIf(id -> !venue.holds(id));
        return catchingUp.stream().map(venue::orderById)
                .collect(Collectors.groupingBy(o -> partitionOf(o.token), TreeMap::new, Collectors.toList()));
    }

    /**
     * The last offset of a tick partition this instance has read before the batch: what it read in this process, or
     * else just before the batch's first record there; null when neither is known yet.
     */
    Long readUpTo(int partition, List<ConsumerRecord<String, byte[]>> batch) {
        Long before = read.get(partition);
        if (before != null) {
            return before;
        }
        return batch.stream().filter(r -> r.partition() == partition).map(r -> r.offset() - 1).min(Long::compare)
                .orElse(null);
    }

    /** The record a catch-up's journal rows are filed under: its event id and position. */
    record Anchor(EventId id, int partition, long offset) {
    }

    /** The batch's first record that decodes (none: the catch-up waits for the next batch). */
    static Optional<Anchor> anchor(List<ConsumerRecord<String, byte[]>> records, EventCodec codec) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                return Optional.of(new Anchor(codec.decode(record.value(), MarketEvent.class).id(), record.partition(),
                        record.offset()));
            } catch (EventDecodingException undecodable) {
                // dead-lettered when the batch reaches it; the next record anchors the catch-up
            }
        }
        return Optional.empty();
    }
}
