package com.alphapanda.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTableTest {

    private static BenchReport report() {
        LatencyStats l = new LatencyStats(50, 4, 6, 9, 12, 15);
        Map<String, LatencyStats> latencies = new LinkedHashMap<>();
        for (String stage : List.of(BenchReport.TICK_TO_SIGNAL, BenchReport.SIGNAL_TO_VALIDATED,
                BenchReport.VALIDATED_TO_FILL, BenchReport.FILL_TO_PORTFOLIO, BenchReport.TICK_TO_FILL)) {
            latencies.put(stage, l);
        }
        StepResult step = new StepResult(1_000, 998.4, 30.0, 120, "alpha-panda.risk-manager.signals", 28, true);
        BenchReport.BaselineResult baseline = new BenchReport.BaselineResult(330, 40_000, 1_000,
                new LatencyStats(5000, 2, 3, 4, 5, 6));
        return new BenchReport(new BenchReport.Setup("fixed rate", 20, BenchOptions.STRATEGY_TYPES, 1_000, 30,
                "127.0.0.1:9092", "25", 2, 12.5), List.of(step), 998.4, step, latencies,
                new EventCounts(30_000, 0, 900, 800, 100, 700, 100), baseline,
                BenchReport.Ratios.of(998.4, l, baseline), new BenchReport.BacklogResult(20_000, 20_000, 2.0, 10_000,
                true), new Resources(35, 40, 1.14, 2, 600, 590, Map.of(1, 210.0)));
    }

    @Test
    void tableShowsEveryStageTheBaselineAndTheRatios() {
        String table = String.join("\n", ReportTable.lines(report()));
        assertThat(table).contains("| 1 | 1,000 | 998 | 30.0 | 120 ms | alpha-panda.risk-manager.signals | yes |",
                "| sustained ticks/s end to end (every group's time lag < 1 s) | 998 | 40,000 records/s produced "
                        + "(330 B each) | 0.02 |",
                "| tick → signal | 50 | 4.00 | 6.00 | 9.00 | 12.00 | 15.00 |",
                "| fill → portfolio updated | 50 |",
                "| baseline: one hop produce → read_committed consume at 1,000 records/s | 5,000 | 2.00 |",
                "p50 ×2.00, p99 ×2.25; bound 1.5 × 3 hops' p99 = 18.00 ms: met",
                "10,000 fills/s (20,000 applied in 2.0 s)", "minute 1: 210 MB");
    }

    @Test
    void jsonCarriesTheSameFigures() {
        JsonNode json = JsonMapper.builder().build().readTree(ReportJson.toJson(report()));
        assertThat(json.get("sustainedRate").asDouble()).isEqualTo(998.4);
        assertThat(json.get("latencies").get(BenchReport.TICK_TO_FILL).get("p99").asDouble()).isEqualTo(9.0);
        assertThat(json.get("baseline").get("produceRecordsPerSecond").asDouble()).isEqualTo(40_000);
        assertThat(json.get("ratios").get("tickToFillP99ToHopP99").asDouble()).isEqualTo(2.25);
        assertThat(json.get("backlog").get("fillsPerSecond").asDouble()).isEqualTo(10_000);
        assertThat(json.get("resources").get("heapAfterGcMbAtMinute").get("1").asDouble()).isEqualTo(210);
    }
}
