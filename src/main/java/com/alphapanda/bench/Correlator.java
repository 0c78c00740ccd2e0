package com.alphapanda.bench;

import com.alphapanda.core.id.EventId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Follows each causal chain tick → raw signal → validated signal → fill through the envelopes' causation ids and
 * records the time of each hop, all on the bench's wall clock in microseconds: a tick's send time (recovered from
 * the event time it carries), the Kafka timestamp of each produced record (when its stage sent it), and the time the
 * bench's read_committed consumer received a fill (when it became visible). Records from different topics may
 * arrive out of causal order; an effect seen before its cause waits for it. Single-threaded: fed by one consumer.
 */
final class Correlator {

    /** Bound of every map of pending ids: the oldest entries are dropped beyond it. */
    static final int MAX_PENDING = 500_000;

    private record Hop(long tickSentMicros, long atMicros) {
    }

    private record Early(EventId id, long atMicros, long receivedMicros) {
    }

    private final Map<EventId, Hop> signals = bounded();
    private final Map<EventId, Hop> validated = bounded();
    private final Map<EventId, Early> validatedBeforeSignal = bounded();
    private final Map<EventId, Early> fillBeforeValidated = bounded();

    final Histogram tickToSignal = LatencyStats.newHistogram();
    final Histogram signalToValidated = LatencyStats.newHistogram();
    final Histogram validatedToFill = LatencyStats.newHistogram();
    final Histogram tickToFill = LatencyStats.newHistogram();
    private long rawSignals;
    private long validatedSignals;
    private long rejectedSignals;
    private long fills;
    private long failedOrders;

    /** A raw signal with its id, the send time of its tick and its record timestamp. */
    void signal(EventId id, long tickSentMicros, long atMicros) {
        rawSignals++;
        LatencyStats.record(tickToSignal, atMicros - tickSentMicros);
        Hop hop = new Hop(tickSentMicros, atMicros);
        signals.put(id, hop);
        Early early = validatedBeforeSignal.remove(id);
        if (early != null) {
            signals.remove(id);
            LatencyStats.record(signalToValidated, early.atMicros() - atMicros);
            validatedHop(early.id(), new Hop(tickSentMicros, early.atMicros()));
        }
    }

    /** A validated signal: its id, the raw signal that caused it, its record timestamp. */
    void validated(EventId id, EventId cause, long atMicros) {
        validatedSignals++;
        Hop signal = signals.remove(cause);
        if (signal == null) {
            validatedBeforeSignal.put(cause, new Early(id, atMicros, 0));
            return;
        }
        LatencyStats.record(signalToValidated, atMicros - signal.atMicros());
        validatedHop(id, new Hop(signal.tickSentMicros(), atMicros));
    }

    private void validatedHop(EventId id, Hop hop) {
        validated.put(id, hop);
        Early fill = fillBeforeValidated.remove(id);
        if (fill != null) {
            fillOf(hop, fill.atMicros(), fill.receivedMicros());
        }
    }

    void rejected(EventId cause) {
        rejectedSignals++;
        signals.remove(cause);
    }

    /** A fill: the event that caused it, its record timestamp, when the bench received it. */
    void fill(EventId cause, long atMicros, long receivedMicros) {
        fills++;
        Hop order = validated.get(cause);
        if (order == null) {
            fillBeforeValidated.put(cause, new Early(cause, atMicros, receivedMicros));
            return;
        }
        fillOf(order, atMicros, receivedMicros);
    }

    void orderFailed() {
        failedOrders++;
    }

    private void fillOf(Hop order, long atMicros, long receivedMicros) {
        LatencyStats.record(validatedToFill, atMicros - order.atMicros());
        LatencyStats.record(tickToFill, receivedMicros - order.tickSentMicros());
    }

    EventCounts counts(long ticks, long tickSendFailures) {
        return new EventCounts(ticks, tickSendFailures, rawSignals, validatedSignals, rejectedSignals, fills,
                failedOrders);
    }

    private static <V> Map<EventId, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EventId, V> eldest) {
                return size() > MAX_PENDING;
            }
        };
    }
}
