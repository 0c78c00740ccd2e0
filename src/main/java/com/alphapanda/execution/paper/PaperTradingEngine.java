package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.execution.OrderRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the paper venue exactly once per input. The venue lives in memory, rebuilt from the journal on first use and
 * after any failure to journal; each input's records are journaled (with the envelopes to publish) before the
 * listener's Kafka transaction commits. An input seen again — a redelivery after an aborted transaction, a
 * duplicate, a replay — gets its journaled envelopes back, never a second execution.
 */
final class PaperTradingEngine {

    static final String SOURCE = "paper_trading";
    private static final Logger log = LoggerFactory.getLogger(PaperTradingEngine.class);
    private static final int RECENT_INPUTS = 10_000;

    private final Supplier<PaperVenue> venues;
    private final PaperJournal journal;
    private final Map<EventId, List<Envelope<OrderEvent>>> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventId, List<Envelope<OrderEvent>>> eldest) {
            return size() > RECENT_INPUTS;
        }
    };
    private PaperVenue venue;

    PaperTradingEngine(Supplier<PaperVenue> venues, PaperJournal journal) {
        this.venues = venues;
        this.journal = journal;
    }

    synchronized List<Envelope<OrderEvent>> onValidated(Envelope<?> cause, ValidatedSignal validated) {
        PaperVenue v = venue();
        List<Envelope<OrderEvent>> done = recent.get(cause.id());
        if (done == null && v.findBySignal(cause.id()).isPresent()) {
            done = journal.envelopesOf(cause.id());
        }
        if (done != null) {
            log.info("Validated signal {} was executed before: re-publishing its {} order events", cause.id(),
                    done.size());
            return done;
        }
        return commit(cause, v.placeRecorded(OrderRequest.of(cause.id(), validated)));
    }

    synchronized List<Envelope<OrderEvent>> onTick(Envelope<?> cause, MarketTick tick) {
        PaperVenue v = venue();
        List<Envelope<OrderEvent>> done = recent.get(cause.id());
        if (done != null) {
            return done;
        }
        List<VenueRecord> records = v.onTick(tick);
        return records.isEmpty() ? List.of() : commit(cause, records);
    }

    /** Forgets the in-memory venue (it is ahead of the journal after a rolled-back batch); rebuilt on next use. */
    synchronized void invalidate() {
        venue = null;
    }

    /**
     * An operator's cancel: the order's {@code CANCELLED} failure, journaled like any input; nothing when the order is
     * unknown, of another strategy or instrument, or no longer working (filled, expired, cancelled before).
     */
    synchronized List<Envelope<OrderEvent>> onCancel(Envelope<?> cause, CancelOrder cancel) {
        PaperVenue v = venue();
        List<Envelope<OrderEvent>> done = recent.get(cause.id());
        if (done != null) {
            return done;
        }
        var order = v.order(cancel.orderId()).filter(o -> o.strategyId().equals(cancel.strategyId())
                && o.instrumentToken().equals(cancel.instrumentToken()));
        if (order.isEmpty() || !order.get().status().isWorking()) {
            log.info("Cancel {} of order {} by {}: nothing to cancel ({})", cause.id(), cancel.orderId(),
                    cancel.requestedBy(), order.map(o -> o.status().name()).orElse("unknown order"));
            return List.of();
        }
        log.info("Cancelling order {} for {}: {}", cancel.orderId(), cancel.requestedBy(), cancel.reason());
        return commit(cause, v.cancelRecorded(cancel.orderId(),
                "Cancelled by " + cancel.requestedBy() + ": " + cancel.reason(), cancel.timestamp()));
    }

    /** The venue, for queries (the contract's read side); rebuilt first if needed. */
    synchronized PaperVenue venue() {
        if (venue == null) {
            PaperVenue rebuilt = venues.get();
            recent.clear();
            journal.replay((input, entry) -> {
                rebuilt.replay(entry.record());
                if (entry.envelope() != null) {
                    recent.computeIfAbsent(input, id -> new ArrayList<>()).add(entry.envelope());
                }
            });
            rebuilt.finishReplay();
            venue = rebuilt;
        }
        return venue;
    }

    static Topic<OrderEvent> topicOf(OrderEvent event) {
        return switch (event) {
            case OrderSubmitted s -> Topics.ordersSubmitted(Broker.PAPER);
            case OrderFilled f -> Topics.ordersFilled(Broker.PAPER);
            case OrderFailed f -> Topics.ordersFailed(Broker.PAPER);
        };
    }

    private List<Envelope<OrderEvent>> commit(Envelope<?> cause, List<VenueRecord> records) {
        List<Envelope<OrderEvent>> envelopes = PaperVenue.events(records).stream()
                .map(e -> (Envelope<OrderEvent>) Envelopes.<OrderEvent, OrderEvent>child(topicOf(e), e, SOURCE, cause))
                .toList();
        try {
            journal.append(cause.id(), records, envelopes);
        } catch (RuntimeException e) {
            venue = null; // the in-memory venue is ahead of the journal: rebuild it before the next input
            throw e;
        }
        recent.put(cause.id(), envelopes);
        return envelopes;
    }
}
