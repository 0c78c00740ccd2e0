package com.alphapanda.cli;

import com.alphapanda.bench.Bench;
import com.alphapanda.bench.BenchException;
import com.alphapanda.bench.BenchOptions;
import com.alphapanda.bench.BenchReport;
import com.alphapanda.bench.DurationArgument;
import com.alphapanda.bench.ReportJson;
import com.alphapanda.bench.ReportTable;
import com.alphapanda.core.platform.ConsoleFailureReporter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpha-panda bench}: throughput and latency of the whole trading path, with the broker's own baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Start the platform (embedded servers on a temporary directory unless external ones are "
                + "configured; no market feed), tick N instruments x M strategies at a fixed rate or find the "
                + "highest sustained rate, and report throughput, stage latencies, the same broker's baseline, the "
                + "portfolio manager on a backlog, CPU and memory. Progress goes to standard error, the report to "
                + "standard output. See PERFORMANCE.md."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rate", paramLabel = "TICKS_PER_S",
            description = "Ticks per second (default 1000); with --find-max the first rate tried (default 250).")
    Integer rate;

    @Option(names = "--find-max", description = "Double the rate each step until a consumer group's time lag "
            + "reaches 1 s, then narrow down; report the highest sustained rate.")
    boolean findMax;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s",
            description = "Time under load, e.g. 30s, 2m (1s-1h; find-max: the steps together, settling not "
                    + "counted). Default: 30s.")
    String duration;

    @Option(names = "--step", paramLabel = "TIME", defaultValue = "10s",
            description = "Length of one find-max step (at least 2s). Default: 10s.")
    String step;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s",
            description = "Unmeasured load first (0s-5m). Default: 5s.")
    String warmup;

    @Option(names = "--baseline", paramLabel = "TIME", defaultValue = "5s",
            description = "Length of the baseline latency measurement (1s-5m). Default: 5s.")
    String baseline;

    @Option(names = "--instruments", paramLabel = "N", defaultValue = "20",
            description = "Instruments ticked (1-1000; the 20 bundled ones first). Default: 20.")
    int instruments;

    @Option(names = "--strategies", paramLabel = "TYPES", split = ",", defaultValue = "momentum,mean_reversion,rsi",
            description = "Strategy types, one strategy of each on every instrument. Default: momentum,"
                    + "mean_reversion,rsi.")
    List<String> strategies;

    @Option(names = "--backlog-fills", paramLabel = "N", defaultValue = "20000",
            description = "Fills pre-loaded for the portfolio manager's backlog measurement (0 skips it, at most "
                    + "1000000). Default: 20000.")
    int backlogFills;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @CommandLine.Unmatched
    List<String> unmatched;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = spec.commandLine();
        List<String> springArgs = SpringArguments.check(commandLine, unmatched);
        BenchOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        try {
            BenchReport report = new Bench(options, commandLine.getErr()).run(springArgs);
            ReportTable.lines(report).forEach(commandLine.getOut()::println);
            if (json != null) {
                ReportJson.write(report, json);
                commandLine.getErr().println("report written to " + json);
            }
            return 0;
        } catch (BenchException | UncheckedIOException | ExecutionException | TimeoutException e) {
            commandLine.getErr().println("alpha-panda: bench failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (!ConsoleFailureReporter.wasReported(e)) {
                ConsoleFailureReporter.reportUnanalysed(e, System.err);
            }
            return 1;
        }
    }

    BenchOptions options() {
        int effectiveRate = rate != null ? rate
                : findMax ? BenchOptions.DEFAULT_FIND_MAX_START : BenchOptions.DEFAULT_RATE;
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new IllegalArgumentException("--json " + json + ": the directory does not exist or is not "
                        + "writable");
            }
        }
        return new BenchOptions(instruments, strategies, effectiveRate, findMax,
                DurationArgument.parse("--duration", duration), DurationArgument.parse("--step", step),
                DurationArgument.parse("--warmup", warmup), DurationArgument.parse("--baseline", baseline),
                backlogFills, json);
    }
}
