package com.alphapanda.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code ./alpha-panda bench} runs. Every value is bounded; a bad one is an {@link IllegalArgumentException}
 * naming the option.
 *
 * @param instruments      instruments ticked (the bundled ones first, then synthetic tokens)
 * @param strategies       strategy types, one strategy of each on every instrument
 * @param rate             ticks/s (fixed mode), or the first rate tried (find-max mode)
 * @param findMax          step the rate up until a group falls behind, within {@code duration}
 * @param duration         time under load (fixed mode: the measured period; find-max: all steps together)
 * @param step             length of one find-max step
 * @param warmup           unmeasured load before the measurement
 * @param baseline         length of the baseline latency measurement
 * @param backlogFills     fills pre-loaded for the portfolio manager's backlog measurement (0: skipped)
 * @param json             where to write the JSON report, or null
 */
public record BenchOptions(int instruments, List<String> strategies, int rate, boolean findMax, Duration duration,
                           Duration step, Duration warmup, Duration baseline, int backlogFills, Path json) {

    public static final List<String> STRATEGY_TYPES = List.of("momentum", "mean_reversion", "rsi");
    public static final int DEFAULT_RATE = 1_000;
    public static final int DEFAULT_FIND_MAX_START = 250;
    static final int MAX_INSTRUMENTS = 1_000;
    static final int MAX_RATE = 1_000_000;
    static final int MAX_BACKLOG = 1_000_000;
    static final Duration MAX_DURATION = Duration.ofHours(1);

    public BenchOptions {
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        between("--instruments", instruments, 1, MAX_INSTRUMENTS);
        between("--rate", rate, 1, MAX_RATE);
        between("--backlog-fills", backlogFills, 0, MAX_BACKLOG);
        checkStrategies(strategies);
        within("--duration", duration, Duration.ofSeconds(1), MAX_DURATION);
        within("--warmup", warmup, Duration.ZERO, Duration.ofMinutes(5));
        within("--baseline", baseline, Duration.ofSeconds(1), Duration.ofMinutes(5));
        within("--step", step, Duration.ofSeconds(2), MAX_DURATION);
        if (findMax && step.compareTo(duration) > 0) {
            throw new IllegalArgumentException("--step " + DurationArgument.format(step)
                    + " is longer than --duration " + DurationArgument.format(duration));
        }
    }

    private static void checkStrategies(List<String> strategies) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("--strategies must name at least one of " + STRATEGY_TYPES);
        }
        Set<String> seen = new HashSet<>();
        for (String s : strategies) {
            if (!STRATEGY_TYPES.contains(s)) {
                throw new IllegalArgumentException("--strategies: unknown strategy type '" + s + "'; expected "
                        + String.join(", ", STRATEGY_TYPES));
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("--strategies: '" + s + "' is given twice");
            }
        }
    }

    private static void between(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static void within(String option, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must be between " + DurationArgument.format(min) + " and "
                    + DurationArgument.format(max) + (value == null ? "" : ", not " + DurationArgument.format(value)));
        }
    }
}
