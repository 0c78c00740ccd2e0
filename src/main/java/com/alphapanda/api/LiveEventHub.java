package com.alphapanda.api;

import com.alphapanda.core.id.EventId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fans live events out to stream clients. Every event has an id that is the same on every instance (the envelope's
 * event id for what comes from Kafka, the id given by the publishing instance for what is relayed through Redis), and
 * is kept in a bounded replay buffer, so a client reconnecting with {@code Last-Event-ID} gets what it missed while
 * that is still buffered, also from another instance: after that event when this instance saw it, else every
 * buffered event with a later (time-ordered) id. Each client has a bounded queue; publishing only offers to it, and
 * a client whose queue is full is dropped, so a stalled client never delays the pipeline.
 */
class LiveEventHub {

    /** One event of the stream. */
    record LiveEvent(String id, String name, Object data) {
    }

    /** A connected client: its queue, and whether it was dropped for being too slow. */
    static final class Subscriber {
        private final BlockingQueue<LiveEvent> queue;
        private final AtomicBoolean dropped = new AtomicBoolean();

        Subscriber(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        BlockingQueue<LiveEvent> queue() {
            return queue;
        }

        boolean isDropped() {
            return dropped.get();
        }
    }

    private final int replayCapacity;
    private final int clientQueueCapacity;
    private final Deque<LiveEvent> replay = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Counter dropped;
    private final Counter published;

    LiveEventHub(int replayCapacity, int clientQueueCapacity, MeterRegistry meters) {
        this.replayCapacity = replayCapacity;
        this.clientQueueCapacity = clientQueueCapacity;
        this.dropped = Counter.builder("sse.clients.dropped").description("Stream clients dropped for being too slow")
                .register(meters);
        this.published = Counter.builder("sse.events.published").description("Events pushed to the live stream")
                .register(meters);
        Gauge.builder("sse.clients", subscribers, Set::size).description("Connected stream clients").register(meters);
    }

    /** Delivers an event to every client and keeps it for resumption. */
    void deliver(String id, String name, Object data) {
        LiveEvent event = new LiveEvent(id, name, data);
        synchronized (replay) {
            replay.addLast(event);
            if (replay.size() > replayCapacity) {
                replay.removeFirst();
            }
        }
        published.increment();
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.queue.offer(event)) {
                drop(subscriber);
            }
        }
    }

    /** Connects a client; with a last event id, the buffered events after it are queued first. */
    Subscriber subscribe(String lastEventId) {
        Subscriber subscriber = new Subscriber(clientQueueCapacity);
        synchronized (replay) {
            if (lastEventId != null) {
                List<LiveEvent> missed = missedSince(lastEventId);
                missed.stream().skip(Math.max(0, missed.size() - clientQueueCapacity)).forEach(subscriber.queue::offer);
            }
            subscribers.add(subscriber);
        }
        return subscriber;
    }

    /** The buffered events after {@code lastEventId}: in arrival order after it, else by later time-ordered id. */
    private List<LiveEvent> missedSince(String lastEventId) {
        List<LiveEvent> buffered = List.copyOf(replay);
        for (int i = buffered.size() - 1; i >= 0; i--) {
            if (buffered.get(i).id().equals(lastEventId)) {
                return buffered.subList(i + 1, buffered.size());
            }
        }
        EventId last = eventId(lastEventId);
        if (last == null) {
            return List.of();
        }
        return buffered.stream().filter(e -> {
            EventId id = eventId(e.id());
            return id != null && id.compareTo(last) > 0;
        }).toList();
    }

    private static EventId eventId(String text) {
        try {
            return EventId.parse(text);
        } catch (IllegalArgumentException e) {
            return null; // not an id of this stream
        }
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    private void drop(Subscriber subscriber) {
        if (subscriber.dropped.compareAndSet(false, true)) {
            subscribers.remove(subscriber);
            subscriber.queue.clear();
            dropped.increment();
        }
    }
}
