package com.alphapanda.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a bench run measured. Latencies in milliseconds, rates per second, memory in MB.
 *
 * @param setup             what ran, where
 * @param steps             every period at a fixed rate (one in fixed mode)
 * @param sustainedRate     the highest achieved tick rate of a sustained step; 0 when no step was sustained
 * @param measuredStep      the step whose latencies are reported (the best sustained one, else the last)
 * @param latencies         stage → distribution, in pipeline order, for the measured step
 * @param counts            events the bench saw during the measured step
 * @param baseline          the same broker's raw figures, measured in the same run
 * @param ratios            pipeline / baseline
 * @param backlog           the portfolio manager applying a backlog of fills (null when skipped)
 * @param resources         CPU and memory over the load
 */
public record BenchReport(Setup setup, List<StepResult> steps, double sustainedRate, StepResult measuredStep,
                          Map<String, LatencyStats> latencies, EventCounts counts, BaselineResult baseline,
                          Ratios ratios, BacklogResult backlog, Resources resources) {

    public static final String TICK_TO_SIGNAL = "tick → signal";
    public static final String SIGNAL_TO_VALIDATED = "signal → validated";
    public static final String VALIDATED_TO_FILL = "validated → fill";
    public static final String FILL_TO_PORTFOLIO = "fill → portfolio updated";
    public static final String TICK_TO_FILL = "tick → fill (end to end)";

    public BenchReport {
        steps = List.copyOf(steps);
        latencies = new LinkedHashMap<>(latencies);
    }

    /** What ran. */
    public record Setup(String mode, int instruments, List<String> strategies, int rate, double durationSeconds,
                        String kafka, String jdk, int cores, double startupSeconds) {
    }

    /** The broker alone: produce throughput of tick-sized records and one produce → consume hop at a given rate. */
    public record BaselineResult(int recordBytes, double produceRecordsPerSecond, int hopRate, LatencyStats hop) {
    }

    /** The pipeline against the baseline; NaN where a figure is missing (no sustained rate, no baseline). */
    public record Ratios(double sustainedToProduce, double tickToFillP50ToHopP50, double tickToFillP99ToHopP99,
                         double tickToFillP99Bound, boolean tickToFillP99WithinBound) {

        /** The bound for tick → fill p99: 1.5 × three single hops' p99. */
        static final double HOPS = 3;
        static final double SLACK = 1.5;

        static Ratios of(double sustainedRate, LatencyStats tickToFill, BaselineResult baseline) {
            double bound = SLACK * HOPS * baseline.hop().p99();
            return new Ratios(sustainedRate > 0 ? divide(sustainedRate, baseline.produceRecordsPerSecond()) : Double.NaN,
                    divide(tickToFill.p50(), baseline.hop().p50()), divide(tickToFill.p99(), baseline.hop().p99()),
                    bound, !tickToFill.isEmpty() && !baseline.hop().isEmpty() && tickToFill.p99() <= bound);
        }

        private static double divide(double a, double b) {
            return b > 0 ? a / b : Double.NaN;
        }
    }

    /** Fills pre-loaded while the portfolio manager was paused, then applied. */
    public record BacklogResult(int fills, long applied, double seconds, double fillsPerSecond, boolean complete) {
    }
}
