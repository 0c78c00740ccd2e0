package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.bench.BenchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void defaultsAreTwentyInstrumentsThreeStrategiesAThousandTicksForThirtySeconds() {
        BenchOptions o = parse();
        assertThat(o.instruments()).isEqualTo(20);
        assertThat(o.strategies()).containsExactly("momentum", "mean_reversion", "rsi");
        assertThat(o.rate()).isEqualTo(1_000);
        assertThat(o.findMax()).isFalse();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.backlogFills()).isEqualTo(20_000);
    }

    @Test
    void findMaxStartsAtTwoHundredFiftyTicksUnlessARateIsGiven() {
        assertThat(parse("--find-max", "--duration", "60s").rate()).isEqualTo(250);
        assertThat(parse("--find-max", "--rate", "400", "--duration", "1m").rate()).isEqualTo(400);
        assertThat(parse("--find-max", "--duration", "1m").duration()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void strategiesAreACommaSeparatedList() {
        assertThat(parse("--strategies", "rsi,momentum").strategies()).isEqualTo(List.of("rsi", "momentum"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--rate|0|--rate must be between 1 and 1000000",
            "--rate|abc|--rate",
            "--instruments|1001|--instruments must be between 1 and 1000",
            "--duration|30|--duration: invalid duration '30'",
            "--duration|2h|--duration must be between 1s and 1h",
            "--warmup|1.5s|--warmup: invalid duration",
            "--strategies|momentum,macd|unknown strategy type 'macd'",
            "--strategies|rsi,rsi|'rsi' is given twice",
            "--backlog-fills|-5|--backlog-fills must be between 0 and 1000000",
            "--json|/no/such/dir/report.json|the directory does not exist"})
    void badArgumentIsOneLineAndExitCodeTwo(String option, String value, String message) {
        assertThat(run("bench", option, value)).isEqualTo(2);
        assertThat(err.toString()).startsWith("alpha-panda: bench: ").contains(message);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void stepLongerThanTheDurationIsRefusedInFindMaxMode() {
        assertThat(run("bench", "--find-max", "--duration", "10s", "--step", "20s")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--step 20s is longer than --duration 10s").doesNotContain("\n");
    }

    @Test
    void unknownOptionIsOneLineAndExitCodeTwo() {
        assertThat(run("bench", "--fast")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--fast").doesNotContain("\n");
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("--rate", "--find-max", "--duration", "--json", "--instruments");
    }
}
