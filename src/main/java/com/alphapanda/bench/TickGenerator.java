package com.alphapanda.bench;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Publishes ticks to {@code market.ticks} at a fixed rate through the platform's root-event producer, as a market
 * feed does. Paced against the wall clock: behind schedule it sends the missed ticks at once, ahead it parks. It
 * never runs past its deadline.
 */
final class TickGenerator {

    static final String SOURCE = "bench";

    private final EventPublisher publisher;
    private final PriceWalk walk;
    private final BenchClock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    TickGenerator(EventPublisher publisher, PriceWalk walk, BenchClock clock) {
        this.publisher = publisher;
        this.walk = walk;
        this.clock = clock;
    }

    /** Sends {@code rate} ticks per second for {@code nanos}, or until {@code stop} says so; returns ticks sent. */
    long run(int rate, long nanos, BooleanSupplier stop) {
        long started = System.nanoTime();
        long deadline = started + nanos;
        long count = 0;
        while (!stop.getAsBoolean()) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            long due = (long) ((now - started) / 1e9 * rate) + 1;
            if (count >= due) {
                LockSupport.parkNanos(Math.min(200_000L, deadline - now));
                continue;
            }
            for (int burst = 0; count < due && burst < 1_000; burst++, count++) {
                send();
            }
        }
        return count;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    private void send() {
        long at = BenchClock.nowMicros();
        MarketTick tick = MarketTick.ltp(walk.nextToken(), walk.nextPrice(), clock.eventTimeOf(at));
        Envelope<MarketTick> envelope = Envelopes.root(Topics.MARKET_TICKS, tick, SOURCE);
        publisher.publish(Topics.MARKET_TICKS, envelope).whenComplete((result, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
        sent.incrementAndGet();
    }
}
