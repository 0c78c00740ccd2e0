package com.alphapanda.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.cli.AlphaPandaCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code ./alpha-panda backtest} end to end in-process: determinism, the JSON output and bad input. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run backtest(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("backtest"));
        all.addAll(List.of(args));
        int exit = AlphaPandaCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void twoRunsOnTheSameInputsWriteByteIdenticalReports() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Run one = backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", first.toString());
        Run two = backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", second.toString(), "--no-progress");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(two.exit()).as(two.err()).isZero();
        for (String file : BacktestReport.FILES) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        assertThat(Files.size(first.resolve("fills.csv"))).isGreaterThan(1000);
        assertThat(one.err()).contains("ticks/s").contains("ETA").contains("100.0 %");
        assertThat(one.out()).contains("momentum_all: net PnL").contains("report.html");
    }

    @Test
    void theHtmlReportIsSelfContainedAndTheChartIsAPng() throws IOException {
        Run run = backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", dir.toString(), "--no-progress", "--to", "2026-01-05");
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("uPlot").contains("momentum_all").contains("Sharpe = mean(r)/stdev(r)")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link");
        byte[] png = Files.readAllBytes(dir.resolve("equity.png"));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void jsonPrintsTheResultsOnStandardOutputAndNothingElse() {
        Run run = backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", dir.toString(), "--json", "--from", "2026-01-06", "--to", "2026-01-06");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = com.alphapanda.core.json.EventJson.mapper().readTree(run.out());
        assertThat(json.get("ticks_used").asLong()).isEqualTo(750 * 20);
        assertThat(json.get("first_tick").asString()).isEqualTo("2026-01-06T03:45:01Z");
        assertThat(json.get("strategies")).hasSize(3);
        assertThat(json.get("strategies").get(0).get("strategy_id").asString()).isEqualTo("momentum_all");
    }

    @Test
    void anUnknownStrategyTypeIsOneLineAndExitCode2() throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                - strategy_name: x
                  strategy_type: momentom
                  instrument_tokens: [738561]
                """);
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv", "--strategies", yaml.toString(),
                "--report", dir.resolve("r").toString()), "strategy 'x' rejected: unknown strategy type 'momentom'");
    }

    @Test
    void anEmptyRangeIsOneLineAndExitCode2() {
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", dir.toString(), "--from", "2026-02-01"), "empty range: no tick from 2026-02-01 to the end");
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--report", dir.toString(), "--from", "2026-02-01", "--to", "2026-01-01"),
                "empty range: --from 2026-02-01 is after --to 2026-01-01");
    }

    @Test
    void aMalformedLineIsReportedWithItsFileAndLineNumber() throws IOException {
        Path ticks = Files.writeString(dir.resolve("t.csv"), """
                timestamp,instrument_token,last_price
                2026-01-05T09:20:00+05:30,738561,100
                2026-01-05T09:20:01+05:30,738561,abc
                """);
        assertBadInput(backtest("--ticks", ticks.toString(), "--strategies", "samples/strategies.yaml",
                "--report", dir.resolve("r").toString()), ticks + " line 3: last_price 'abc' is not a decimal number");
    }

    @Test
    void anUnreadableOrOutOfOrderTickFileIsOneLineAndExitCode2() throws IOException {
        assertBadInput(backtest("--ticks", dir.resolve("missing.csv").toString(), "--strategies",
                "samples/strategies.yaml"), "tick file " + dir.resolve("missing.csv") + " does not exist");
        Path ticks = Files.writeString(dir.resolve("t.csv"), """
                2026-01-05T09:20:05+05:30,738561,100
                2026-01-05T09:20:01+05:30,738561,101
                """);
        assertBadInput(backtest("--ticks", ticks.toString(), "--strategies", "samples/strategies.yaml",
                "--report", dir.resolve("r").toString()), ticks + " line 2: timestamp");
    }

    @Test
    void badOptionValuesAreOneLineAndExitCode2() {
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--cash", "lots"), "--cash 'lots' is not a decimal number");
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv", "--strategies", "samples/strategies.yaml",
                "--charges", "free"), "--charges 'free' is not one of [commission, indian-equity]");
        assertBadInput(backtest("--ticks", "samples/ticks-sample.csv"),
                "give either --strategies FILE or --strategy ID (not both)");
    }

    private static void assertBadInput(Run run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        String[] lines = run.err().strip().split("\n");
        assertThat(lines).as("one line on the console (a progress bar is wiped with \\r)").hasSize(1);
        String shown = lines[0].substring(lines[0].lastIndexOf('\r') + 1);
        assertThat(shown).startsWith("alpha-panda: error: ").contains(message);
        assertThat(run.out()).isEmpty();
    }
}
