package com.alphapanda.backtest.bench;

import com.alphapanda.backtest.BacktestReport;
import com.alphapanda.backtest.BacktestResult;
import com.alphapanda.backtest.BacktestSettings;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.execution.paper.IndianEquityCharges;
import com.alphapanda.execution.paper.PaperTradingProperties;
import com.alphapanda.instrument.InstrumentUniverse;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.SimulatedTickFile;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.risk.RiskCheck;
import com.alphapanda.strategy.StrategyDefinition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtest throughput on one core (the run is single-threaded): the simulated feed's ticks of the 20 bundled instruments
 * (seed 42, volatility 0.002, one tick per instrument per second) written to a file with epoch-millisecond
 * timestamps, then backtested end to end — file reading and parsing, strategies, risk, venue, portfolio and report — with
 * one momentum strategy on the 20 instruments, and with momentum + mean_reversion + rsi on them. Prints wall-clock and
 * thread-CPU ticks per second (the CPU figure is what one core does on a machine shared with other work).
 * <p>
 * {@code java -cp target/classes:target/test-classes:$(cat target/bench-cp.txt)
 * com.alphapanda.backtest.bench.BacktestBenchmark [days] [workdir]}
 */
public final class BacktestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BacktestBenchmark.class);
    private static final NseCalendar CALENDAR = NseCalendar.withBundledHolidays();

    private BacktestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/backtest-bench"));
        Path ticks = work.resolve("ticks-" + days + "d.csv");
        if (!Files.exists(ticks)) {
            write(days, ticks);
        }
        List<InstrumentToken> all = InstrumentUniverse.bundledTokens();
        StrategyDefinition momentum = definition("momentum", "momentum", all, Map.of("lookback_periods", 20,
                "threshold", "0.01", "position_size", 10));
        StrategyDefinition meanReversion = definition("mean_reversion", "mean_reversion", all,
                Map.of("lookback_periods", 20, "position_size", 10));
        StrategyDefinition rsi = definition("rsi", "rsi", all, Map.of("rsi_period", 14, "position_size", 10));
        run("warm-up", List.of(momentum), ticks, work);
        run("1 momentum x 20 instruments", List.of(momentum), ticks, work);
        run("momentum + mean_reversion + rsi x 20", List.of(momentum, meanReversion, rsi), ticks, work);
    }

    private static void run(String label, List<StrategyDefinition> strategies, Path ticks, Path work) {
        BigDecimal cash = new BigDecimal("1000000");
        BacktestSettings settings = new BacktestSettings(null, null, cash, new PaperTradingProperties(
                new BigDecimal("0.05"), PaperTradingProperties.Charges.COMMISSION, new BigDecimal("0.1"),
                IndianEquityCharges.Product.DELIVERY, cash, null, BigDecimal.ZERO, 3, 1, null, BigDecimal.ZERO, null,
                null, null, false, Duration.ZERO, new BigDecimal("0.05")), RiskCheck.defaultLimits());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        BacktestResult result;
        try (TickFiles files = TickFiles.open(List.of(ticks))) {
            result = BacktestReport.run(strategies, settings, CALENDAR, files, work.resolve("report"),
                    (t, b, total) -> { });
        }
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        long fills = result.strategies().stream().mapToLong(s -> s.fills()).sum();
        log.warn(String.format("%s: %,d ticks, %,d fills, %.2f s wall (%,.0f ticks/s), %.2f s CPU (%,.0f ticks/CPU-s)",
                label, result.ticksUsed(), fills, wallSeconds, result.ticksUsed() / wallSeconds, cpuSeconds,
                result.ticksUsed() / cpuSeconds));
    }

    private static StrategyDefinition definition(String id, String type, List<InstrumentToken> tokens,
                                                 Map<String, Object> parameters) {
        return new StrategyDefinition(StrategyId.of(id), type, tokens, parameters, true, List.of(Broker.PAPER));
    }

    /** The simulated feed's file, its ISO timestamps rewritten as epoch milliseconds (the cheapest to parse). */
    private static void write(int days, Path file) throws IOException {
        StringWriter iso = new StringWriter();
        SimulatedTickFile.write(new SimulatedTickFile.Parameters(42, InstrumentUniverse.bundledTokens(),
                new BigDecimal("1000"), new BigDecimal("0.002"), Duration.ofSeconds(1), LocalDate.of(2026, 1, 5),
                days), CALENDAR, iso);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            iso.toString().lines().skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                try {
                    out.write(OffsetDateTime.parse(line.substring(0, comma)).toInstant().toEpochMilli()
                            + line.substring(comma) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
