package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code replay}: publishes a recorded file in timestamp order, at {@code speed} × real time or at {@code max}.
 * Progress (ticks published, % of the file, rate) is logged every {@code progress-interval}; the end is logged with
 * totals. A replay is a batch whose ticks should all arrive, so it waits up to {@code max-wait} for room in the
 * hand-off before dropping a tick (counted). It starts at its {@link ResumePoint}: after a restart, the first tick the
 * previous run did not publish (see {@link ReplayLedger}); the pace is then measured from that tick.
 */
final class ReplayTickSource implements TickSource {

    private static final Logger log = LoggerFactory.getLogger(ReplayTickSource.class);

    private final Path file;
    private final List<MarketTick> ticks;
    private final ReplaySpeed speed;
    private final Duration progressInterval;
    private final Duration maxWait;
    private final ResumePoint resumePoint;

    /** Where a replay continues: the index of the first tick not published yet. */
    @FunctionalInterface
    interface ResumePoint {
        long next() throws InterruptedException;
    }

    ReplayTickSource(Path file, List<MarketTick> ticks, ReplaySpeed speed, Duration progressInterval,
                     Duration maxWait, ResumePoint resumePoint) {
        this.file = file;
        this.resumePoint = resumePoint;
        this.ticks = ticks;
        this.speed = speed;
        this.progressInterval = progressInterval;
        this.maxWait = maxWait;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void run(TickSink sink) throws InterruptedException {
        int from = (int) Math.min(resumePoint.next(), ticks.size());
        if (from == ticks.size()) {
            log.info("Replay of {}: all {} ticks were published by a previous run; nothing to replay (a fresh data"
                    + " directory replays it again)", file, ticks.size());
            return;
        }
        if (from > 0) {
            log.info("Replay of {} resumes at tick {} of {}: the ticks before it were published by a previous run",
                    file, from + 1, ticks.size());
        }
        long started = System.nanoTime();
        long nextProgress = started + progressInterval.toNanos();
        int accepted = 0;
        for (int i = from; i < ticks.size(); i++) {
            MarketTick tick = ticks.get(i);
            waitUntil(started + speed.scale(Duration.between(ticks.get(from).timestamp(), tick.timestamp()))
                    .toNanos());
            if (sink.offer(tick, i, maxWait)) {
                accepted++;
            }
            if (System.nanoTime() >= nextProgress) {
                progress(i + 1, started);
                nextProgress += progressInterval.toNanos();
            }
        }
        double seconds = elapsedSeconds(started);
        log.info("Replay of {} finished: {} ticks handed over, {} dropped, in {} s", file, accepted,
                ticks.size() - from - accepted, String.format("%.1f", seconds));
    }

    private void progress(int done, long started) {
        log.info("Replay of {}: {} of {} ticks ({}%), {} ticks/s", file, done, ticks.size(),
                done * 100 / ticks.size(), String.format("%.0f", done / Math.max(elapsedSeconds(started), 1e-9)));
    }

    private static double elapsedSeconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void waitUntil(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
