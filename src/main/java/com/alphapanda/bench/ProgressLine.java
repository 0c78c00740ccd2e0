package com.alphapanda.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The sampling thread of a run: about once a second it collects the consumer lag, samples memory, and prints one
 * progress line (elapsed time, target and sent tick rate, the worst group's time lag now, events seen).
 */
final class ProgressLine {

    private final LagSampler lag;
    private final TickGenerator generator;
    private final PipelineObserver observer;
    private final LoadRunner load;
    private final PrintWriter out;
    private volatile boolean stopped;
    private Thread thread;

    ProgressLine(LagSampler lag, TickGenerator generator, PipelineObserver observer, LoadRunner load,
                 PrintWriter out) {
        this.lag = lag;
        this.generator = generator;
        this.observer = observer;
        this.load = load;
        this.out = out;
    }

    synchronized void start(ResourceMonitor resources) {
        if (thread == null) {
            thread = Thread.ofPlatform().name("bench-progress").daemon().start(() -> loop(resources));
        }
    }

    synchronized void stop() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void loop(ResourceMonitor resources) {
        long started = System.nanoTime();
        long lastSent = generator.sent();
        long lastAt = started;
        while (!stopped) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            LagWindow window = lag.sample();
            resources.sample();
            long now = System.nanoTime();
            long sent = generator.sent();
            double rate = (sent - lastSent) / ((now - lastAt) / 1e9);
            lastSent = sent;
            lastAt = now;
            EventCounts c = observer.current().counts(0, 0);
            out.printf(Locale.ROOT, "[%4.0f s] %s, sent %,.0f ticks/s | worst group lag now %,d ms "
                            + "(step max %,d ms) | signals %,d, fills %,d%n", (now - started) / 1e9,
                    load.currentTarget() > 0 ? String.format(Locale.ROOT, "target %,d ticks/s", load.currentTarget())
                            : "draining", rate, window.current().toMillis(), window.worstLag().toMillis(),
                    c.rawSignals(), c.fills());
            out.flush();
        }
    }
}
