package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import java.time.Duration;

/**
 * {@code simulated}: every {@code tick-interval} of wall-clock time, one GBM tick per configured instrument, stamped
 * with the simulated session's event time (which advances by the same interval). Ticks that do not fit the hand-off
 * are dropped, never waited for.
 */
final class SimulatedTickSource implements TickSource {

    private final GbmPrices prices;
    private final SimulatedSession session;
    private final Duration interval;

    SimulatedTickSource(GbmPrices prices, SimulatedSession session, Duration interval) {
        this.prices = prices;
        this.session = session;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void run(TickSink sink) throws InterruptedException {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            for (MarketTick tick : prices.next(session.now())) {
                sink.offer(tick);
            }
            session.advance(interval);
            next += interval.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }
}
