package com.alphapanda.cli;

import com.alphapanda.backtest.Backtest;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The backtest's progress on the console (standard error, rewritten in place at most five times a second): a bar of
 * the bytes read, the ticks done, the ticks per second and the estimated time left.
 */
final class ProgressBar implements Backtest.Progress {

    private static final int WIDTH = 30;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long shown = Long.MIN_VALUE;
    private boolean printed;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(long ticksRead, long bytesRead, long totalBytes) {
        long now = System.nanoTime();
        if (shown != Long.MIN_VALUE && now - shown < EVERY_NANOS) {
            return;
        }
        shown = now;
        err.print("\r" + line(ticksRead, bytesRead, totalBytes, (now - started) / 1e9));
        err.flush();
        printed = true;
    }

    /** Shows the final state and ends the line. */
    void finish(long ticksRead, long bytesRead, long totalBytes) {
        err.println("\r" + line(ticksRead, bytesRead, totalBytes, (System.nanoTime() - started) / 1e9));
        printed = false;
    }

    /** Wipes an interrupted bar, so an error message that follows stands alone on its line. */
    void abandon() {
        if (printed) {
            err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
            err.flush();
            printed = false;
        }
    }

    static String line(long ticks, long bytesRead, long totalBytes, double seconds) {
        double done = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(done * WIDTH);
        double rate = seconds > 0 ? ticks / seconds : 0;
        String eta = done >= 1 ? "0:00:00" : done == 0 ? "--:--:--" : clock(seconds * (1 - done) / done);
        return String.format(Locale.ROOT, "[%s%s] %5.1f %%  %,d ticks  %,.0f ticks/s  ETA %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), done * 100, ticks, rate, eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
