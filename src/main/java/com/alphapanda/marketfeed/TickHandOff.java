package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue between a source and Kafka, and the loop that drains it: each tick becomes a root envelope on
 * {@code market.ticks} (keyed by instrument token, broker {@code shared}). A live source's ticks go one by one through
 * the idempotent root producer; a replay's go in batches through its {@link ReplayLedger}, one Kafka transaction per
 * batch with the replay's progress, retried until Kafka takes them (a replay must not lose a tick). Meters:
 * {@code market_feed_ticks_published_total}, {@code market_feed_ticks_dropped_total},
 * {@code market_feed_publish_failures_total} and the {@code market_feed_queue_size} gauge, all tagged by source.
 */
final class TickHandOff implements TickSink {

    static final String SOURCE = "market_feed";
    private static final Logger log = LoggerFactory.getLogger(TickHandOff.class);
    private static final Topic<MarketEvent> TOPIC = Topics.MARKET_TICKS;

    private static final Duration RETRY_MAX = Duration.ofSeconds(5);

    /** A tick waiting for Kafka, with its index in its replay file (-1 for a live source). */
    record Pending(MarketTick tick, long sequence) {
    }

    private final BlockingQueue<Pending> queue;
    private final EventPublisher publisher;
    private final ReplayLedger ledger;
    private final Consumer<Instant> onPublished;
    private final Counter published;
    private final Counter dropped;
    private final Counter failed;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    TickHandOff(int capacity, EventPublisher publisher, MeterRegistry meters, String sourceName) {
        this(capacity, publisher, meters, sourceName, eventTime -> { });
    }

    /** {@code onPublished} is told the event time of every tick Kafka accepted (pipeline activity). */
    TickHandOff(int capacity, EventPublisher publisher, MeterRegistry meters, String sourceName,
                Consumer<Instant> onPublished) {
        this(capacity, publisher, null, meters, sourceName, onPublished);
    }

    /** A hand-off whose ticks are published through {@code ledger} (a replay), or the root producer when null. */
    TickHandOff(int capacity, EventPublisher publisher, ReplayLedger ledger, MeterRegistry meters, String sourceName,
                Consumer<Instant> onPublished) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.publisher = publisher;
        this.ledger = ledger;
        this.onPublished = onPublished;
        this.published = counter(meters, "market.feed.ticks.published", sourceName, "Ticks sent to market.ticks");
        this.dropped = counter(meters, "market.feed.ticks.dropped", sourceName,
                "Ticks dropped because the hand-off queue was full");
        this.failed = counter(meters, "market.feed.publish.failures", sourceName, "Ticks Kafka did not accept");
        Gauge.builder("market.feed.queue.size", queue, BlockingQueue::size).tag("source", sourceName)
                .description("Ticks waiting in the hand-off queue").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String name, String source, String description) {
        return Counter.builder(name).tag("source", source).description(description).register(meters);
    }

    @Override
    public boolean offer(MarketTick tick) {
        return counted(queue.offer(new Pending(tick, -1)));
    }

    @Override
    public boolean offer(MarketTick tick, Duration maxWait) throws InterruptedException {
        return offer(tick, -1, maxWait);
    }

    @Override
    public boolean offer(MarketTick tick, long sequence, Duration maxWait) throws InterruptedException {
        return counted(queue.offer(new Pending(tick, sequence), maxWait.toNanos(), TimeUnit.NANOSECONDS));
    }

    private boolean counted(boolean accepted) {
        if (!accepted) {
            dropped.increment();
        }
        return accepted;
    }

    /** Publishes until interrupted, then publishes what is still queued and returns. */
    void drainUntilInterrupted() {
        List<Pending> rest = new ArrayList<>(); // a replay's ticks not committed yet, in order
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Pending first = queue.take();
                if (ledger == null) {
                    publish(first.tick());
                } else {
                    rest = ReplayBatch.gather(queue, first);
                    if (Thread.interrupted()) {
                        break; // stopping: published below, with what is still queued
                    }
                    publishUntilAccepted(rest);
                    rest = new ArrayList<>();
                }
            }
        } catch (InterruptedException e) {
            // stopping: what is still queued is published below
        }
        Thread.interrupted(); // the last publications must not be cut short by the stop's interrupt
        queue.drainTo(rest);
        if (ledger == null) {
            rest.forEach(p -> publish(p.tick()));
        } else if (!rest.isEmpty()) {
            publishOnce(rest); // once, in order: what does not commit is published by the next run
        }
    }

    /** A replay batch, retried with a growing pause until Kafka commits it (interrupted: tried once more at the end). */
    private void publishUntilAccepted(List<Pending> batch) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (!publishOnce(batch)) {
            Thread.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : pause.multipliedBy(2);
        }
    }

    private boolean publishOnce(List<Pending> batch) {
        try {
            ledger.publish(batch);
        } catch (RuntimeException e) {
            batch.forEach(p -> failure(p.tick(), e));
            return false;
        }
        published.increment(batch.size());
        batch.forEach(p -> onPublished.accept(p.tick().timestamp()));
        return true;
    }

    /** Releases the replay's producer, once the draining thread has ended. */
    void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    private void publish(MarketTick tick) {
        try {
            publisher.publish(TOPIC, Envelopes.root(TOPIC, tick, SOURCE)).whenComplete((result, error) -> {
                if (error == null) {
                    published.increment();
                    onPublished.accept(tick.timestamp());
                } else {
                    failure(tick, error);
                }
            });
        } catch (RuntimeException e) {
            failure(tick, e); // e.g. the producer is closing: counted, and the publisher thread keeps draining
        }
    }

    private void failure(MarketTick tick, Throwable error) {
        failed.increment();
        long count = failures.incrementAndGet();
        if (count == 1 || count % 1000 == 0) { // no log line per tick while Kafka is unreachable
            log.warn("Tick of {} not published ({} failures so far): {}", tick.instrumentToken(), count,
                    error.getMessage());
        }
    }
}
