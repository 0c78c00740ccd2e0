package com.alphapanda.execution.paper;

import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Which restored orders are behind this instance's tick consumer, and up to which offset it has read. */
final class TickCatchUp {

    private TickCatchUp() {
    }

    /** The orders of {@code catchingUp} still here, by the tick partition of their instrument. */
    static Map<Integer, List<PaperOrder>> behind(PaperVenue venue, Set<String> catchingUp,
                                                 ToIntFunction<InstrumentToken> tickPartition) {
        if (catchingUp.isEmpty()) {
            return Map.of();
        }
        catchingUp.removeIf(id -> !venue.holds(id));
        return catchingUp.stream().map(venue::orderById)
                .collect(Collectors.groupingBy(o -> tickPartition.applyAsInt(o.token), TreeMap::new,
                        Collectors.toList()));
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

    /**
     * The last offset of a tick partition this instance has read before the batch: what it read in this process, or
     * else just before the batch's first record there; null when neither is known yet.
     */
    static Long readUpTo(int partition, Map<Integer, Long> read, List<ConsumerRecord<String, byte[]>> batch) {
        Long before = read.get(partition);
        if (before != null) {
            return before;
        }
        return batch.stream().filter(r -> r.partition() == partition).map(r -> r.offset() - 1).min(Long::compare)
                .orElse(null);
    }
}
