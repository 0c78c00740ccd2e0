package com.alphapanda.bench;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds: how many values, and the 50th, 90th, 99th and 99.9th percentiles and the
 * maximum. Empty (count 0, every figure 0) when nothing was measured.
 */
public record LatencyStats(long count, double p50, double p90, double p99, double p999, double max) {

    /** One hour in microseconds: the largest latency a histogram tracks (larger values are clamped to it). */
    static final long HIGHEST_MICROS = 3_600_000_000L;

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records a latency in microseconds, clamped to [0, one hour]. */
    static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }

    /** The distribution of a histogram of microseconds. */
    static LatencyStats of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    boolean isEmpty() {
        return count == 0;
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
