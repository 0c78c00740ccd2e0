package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import java.time.Duration;

/**
 * {@code simulated}: every {@code tick-interval} of wall-clock time, one GBM tick per configured instrument, stamped
 * with the simulated session's event time (which advances by {@code step}: the same interval, or more in the demo).
 * Ticks that do not fit the hand-off are dropped, never waited for. The session clock is handed to the checkpoint
 * every few seconds and when the source stops, so a restart continues it.
 */
final class SimulatedTickSource implements TickSource {

    private final GbmPrices prices;
    private final SimulatedSession session;
    private static final long CHECKPOINT_NANOS = Duration.ofSeconds(5).toNanos();

    private final Duration interval;
    private final Duration step;
    private final SessionCheckpoint checkpoint;

    SimulatedTickSource(GbmPrices prices, SimulatedSession session, Duration interval) {
        this(prices, session, interval, interval, SessionCheckpoint.NONE);
    }

    SimulatedTickSource(GbmPrices prices, SimulatedSession session, Duration interval, Duration step,
                        SessionCheckpoint checkpoint) {
        this.prices = prices;
        this.session = session;
        this.interval = interval;
        this.step = step;
        this.checkpoint = checkpoint;
    }

    /** Where the session clock is kept between runs. */
    interface SessionCheckpoint {
        SessionCheckpoint NONE = at -> { };

        void save(java.time.Instant sessionTime);
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void run(TickSink sink) throws InterruptedException {
        long next = System.nanoTime();
        long lastCheckpoint = next;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (MarketTick tick : prices.next(session.now())) {
                    sink.offer(tick);
                }
                session.advance(step);
                next += interval.toNanos();
                if (next - lastCheckpoint >= CHECKPOINT_NANOS) {
                    checkpoint.save(session.now());
                    lastCheckpoint = next;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        } finally {
            checkpoint.save(session.now());
        }
    }
}
