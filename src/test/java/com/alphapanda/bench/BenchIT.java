package com.alphapanda.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.cli.AlphaPandaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./alpha-panda bench} for a few seconds at a low rate on the embedded servers, as a user runs it. */
class BenchIT {

    @Test
    void aShortRunReportsEveryStageTheBaselineAndTheBacklog(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AlphaPandaCommand.execute(new String[] {"bench", "--rate", "40", "--duration", "8s",
                "--instruments", "2", "--warmup", "0s", "--baseline", "2s", "--backlog-fills", "300",
                "--json", json.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("step 1: 40 ticks/s for 8s", "worst group lag now");
        assertThat(out.toString()).contains("| tick → fill (end to end) |", "baseline: one hop produce",
                "portfolio manager, backlog of 300 fills");
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(json));
        for (String stage : List.of(BenchReport.TICK_TO_SIGNAL, BenchReport.SIGNAL_TO_VALIDATED,
                BenchReport.VALIDATED_TO_FILL, BenchReport.FILL_TO_PORTFOLIO, BenchReport.TICK_TO_FILL)) {
            JsonNode l = report.get("latencies").get(stage);
            assertThat(l.get("count").asLong()).as(stage + "\n" + out + err).isPositive();
            assertThat(l.get("p50").asDouble()).as(stage).isPositive();
            assertThat(l.get("max").asDouble()).as(stage).isGreaterThanOrEqualTo(l.get("p99").asDouble());
        }
        assertThat(report.get("counts").get("ticks").asLong()).isBetween(300L, 340L);
        assertThat(report.get("counts").get("fills").asLong()).isPositive();
        JsonNode baseline = report.get("baseline");
        assertThat(baseline.get("produceRecordsPerSecond").asDouble()).isGreaterThan(40);
        assertThat(baseline.get("hopRate").asInt()).isEqualTo(40);
        assertThat(baseline.get("hop").get("count").asLong()).isBetween(70L, 90L);
        assertThat(report.get("ratios").get("tickToFillP50ToHopP50").asDouble()).isPositive();
        assertThat(report.get("backlog").get("applied").asLong()).isEqualTo(300);
        assertThat(report.get("backlog").get("complete").asBoolean()).isTrue();
        assertThat(report.get("resources").get("cpuSeconds").asDouble()).isPositive();
        assertThat(report.get("resources").get("maxRssMb").asDouble()).isPositive();
    }
}
