package com.alphapanda.bench;

/**
 * One period at a fixed tick rate.
 *
 * @param targetRate   ticks/s asked for
 * @param achievedRate ticks/s the generator sent
 * @param seconds      length of the period
 * @param worstLagMs   the largest time lag of any consumer group during it, in milliseconds
 * @param worstGroup   that group ("" when no lag was measured)
 * @param lagSamples   lag collections during the period
 * @param sustained    every group's time lag stayed under the threshold and the generator kept the rate
 */
public record StepResult(int targetRate, double achievedRate, double seconds, double worstLagMs, String worstGroup,
                         int lagSamples, boolean sustained) {

    /** The largest time lag a sustained rate allows. */
    static final long LAG_LIMIT_MS = 1_000;
    /** The share of the target rate the generator must reach for the rate to count as offered. */
    static final double RATE_TOLERANCE = 0.95;

    static StepResult decide(int targetRate, long ticks, double seconds, LagWindow lag) {
        double achieved = seconds > 0 ? ticks / seconds : 0;
        double worstMs = lag.worstLag().toNanos() / 1e6;
        String group = lag.worst().map(java.util.Map.Entry::getKey).orElse("");
        boolean sustained = lag.samples() > 0 && worstMs < LAG_LIMIT_MS && achieved >= RATE_TOLERANCE * targetRate;
        return new StepResult(targetRate, achieved, seconds, worstMs, group, lag.samples(), sustained);
    }
}
