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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue between a source and Kafka, and the loop that drains it: each tick becomes a root envelope on
 * {@code market.ticks} (keyed by instrument token, broker {@code shared}). Meters:
 * {@code market_feed_ticks_published_total}, {@code market_feed_ticks_dropped_total},
 * {@code market_feed_publish_failures_total} and the {@code market_feed_queue_size} gauge, all tagged by source.
 */
final class TickHandOff implements TickSink {

    static final String SOURCE = "market_feed";
    private static final Logger log = LoggerFactory.getLogger(TickHandOff.class);
    private static final Topic<MarketEvent> TOPIC = Topics.MARKET_TICKS;

    private final BlockingQueue<MarketTick> queue;
    private final EventPublisher publisher;
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
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.publisher = publisher;
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
        return counted(queue.offer(tick));
    }

    @Override
    public boolean offer(MarketTick tick, Duration maxWait) throws InterruptedException {
        return counted(queue.offer(tick, maxWait.toNanos(), TimeUnit.NANOSECONDS));
    }

    private boolean counted(boolean accepted) {
        if (!accepted) {
            dropped.increment();
        }
        return accepted;
    }

    /** Publishes until interrupted, then publishes what is still queued and returns. */
    void drainUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                publish(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MarketTick rest;
        while ((rest = queue.poll()) != null) {
            publish(rest);
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
