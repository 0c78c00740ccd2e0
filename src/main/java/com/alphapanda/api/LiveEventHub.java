package com.alphapanda.api;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans live events out to stream clients. Every event gets an increasing id and is kept in a bounded replay buffer,
 * so a client reconnecting with {@code Last-Event-ID} gets what it missed while that is still buffered. Each client
 * has a bounded queue; publishing only offers to it, and a client whose queue is full is dropped, so a stalled client
 * never delays the pipeline.
 */
class LiveEventHub implements LiveEvents {

    /** One event of the stream. */
    record LiveEvent(long id, String name, Object data) {
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
    private final AtomicLong sequence = new AtomicLong();
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

    @Override
    public void publish(String name, Object data) {
        LiveEvent event;
        synchronized (replay) {
            event = new LiveEvent(sequence.incrementAndGet(), name, data);
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
    Subscriber subscribe(Long lastEventId) {
        Subscriber subscriber = new Subscriber(clientQueueCapacity);
        synchronized (replay) {
            if (lastEventId != null) {
                List<LiveEvent> missed = replay.stream().filter(e -> e.id() > lastEventId).toList();
                missed.stream().skip(Math.max(0, missed.size() - clientQueueCapacity)).forEach(subscriber.queue::offer);
            }
            subscribers.add(subscriber);
        }
        return subscriber;
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
