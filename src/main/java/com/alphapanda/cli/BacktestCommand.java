package com.alphapanda.cli;

import com.alphapanda.backtest.BacktestReport;
import com.alphapanda.backtest.BacktestResult;
import com.alphapanda.backtest.BacktestSettings;
import com.alphapanda.backtest.StrategyResult;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.platform.ConsoleFailureReporter;
import com.alphapanda.execution.paper.IndianEquityCharges;
import com.alphapanda.execution.paper.PaperTradingProperties;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.risk.RiskCheck;
import com.alphapanda.strategy.StrategyDefinition;
import com.alphapanda.strategy.StrategySet;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alpha-panda backtest}: runs strategies over recorded ticks in-process on the live classes and writes a
 * report. Exit 0 done, 2 bad input (one line), 1 any other failure.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest strategies on recorded ticks: the live strategy, risk, paper-venue and portfolio "
                + "classes run in-process in event-time order, without Kafka, PostgreSQL or Redis. The same inputs "
                + "give a byte-identical report (fills.csv, orders.csv, results.json, report.html, equity.png)."})
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--ticks", paramLabel = "FILE", required = true, arity = "1..*",
            description = "Tick files in the replay formats (CSV timestamp,instrument_token,last_price[,volume,"
                    + "last_quantity] and/or JSONL), each in time order; a directory stands for its files.")
    List<Path> ticks;

    @Option(names = "--strategies", paramLabel = "FILE",
            description = "A YAML file of strategies (the 'strategies load' format); the enabled ones run.")
    Path strategiesFile;

    @Option(names = "--strategy", paramLabel = "ID",
            description = "A strategy stored in the database (repeatable); reads the embedded PostgreSQL on "
                    + "--data-dir unless --spring.datasource.url=... is given.")
    List<String> strategyIds;

    @Option(names = "--from", paramLabel = "DATE", description = "First IST trading date to include (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last IST trading date to include (YYYY-MM-DD).")
    String to;

    @Option(names = "--cash", paramLabel = "INR", defaultValue = "1000000",
            description = "Starting cash of each strategy (default: ${DEFAULT-VALUE}).")
    String cash;

    @Option(names = "--slippage-percent", paramLabel = "PCT", defaultValue = "0.05",
            description = "Market-order slippage against the trader, in percent (default: ${DEFAULT-VALUE}).")
    String slippage;

    @Option(names = "--charges", paramLabel = "MODEL", defaultValue = "commission",
            description = "Fee model: commission or indian-equity (default: ${DEFAULT-VALUE}).")
    String charges;

    @Option(names = "--commission-percent", paramLabel = "PCT", defaultValue = "0.1",
            description = "Flat commission of the commission model, in percent (default: ${DEFAULT-VALUE}).")
    String commission;

    @Option(names = "--indian-product", paramLabel = "PRODUCT", defaultValue = "delivery",
            description = "Product of the indian-equity model: delivery or intraday (default: ${DEFAULT-VALUE}).")
    String product;

    @Option(names = "--tick-size", paramLabel = "INR", defaultValue = "0.05",
            description = "Price grid of fills and bracket levels (default: ${DEFAULT-VALUE}, NSE equities).")
    String tickSize;

    @Option(names = "--allow-short-selling", description = "Let the venue sell what is not held.")
    boolean shortSelling;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "backtest-report",
            description = "Directory of the report (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--json", description = "Print the results as JSON on standard output instead of a summary.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded PostgreSQL, for --strategy (default: ~/.alpha-panda).")
    Path dataDir;

    @CommandLine.Unmatched
    List<String> unmatched;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliLogging.warningsToStandardError();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err);
        String[] springArgs = CommandExecution.springArgs(spec.commandLine(), unmatched, dataDir);
        try {
            BacktestSettings settings = settings();
            List<StrategyDefinition> strategies = strategies(springArgs);
            CliLogging.warningsToStandardError(); // again: reading --strategy from the database started Spring logging
            NseCalendar calendar = NseCalendar.withBundledHolidays();
            BacktestResult result;
            try (TickFiles files = TickFiles.open(ticks)) {
                result = BacktestReport.run(strategies, settings, calendar, files, report,
                        noProgress ? (t, b, total) -> { } : bar::update);
                if (!noProgress) {
                    bar.finish(result.ticksRead(), files.bytesRead(), files.totalBytes());
                }
            }
            print(result, out);
            return 0;
        } catch (IllegalArgumentException e) {
            bar.abandon();
            err.println("alpha-panda: error: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (RuntimeException e) {
            bar.abandon();
            if (!ConsoleFailureReporter.wasReported(e)) {
                ConsoleFailureReporter.reportUnanalysed(e, System.err);
            }
            return 1;
        }
    }

    private void print(BacktestResult result, PrintWriter out) {
        if (json) {
            out.println(BacktestReport.json(result));
            return;
        }
        out.println("Backtest of " + result.ticksUsed() + " ticks from " + result.firstTick() + " to "
                + result.lastTick() + " (" + result.venue() + "):");
        for (StrategyResult s : result.strategies()) {
            out.println("  " + s.strategyId() + ": net PnL " + s.netPnl().toPlainString() + " (realized "
                    + s.realizedPnl().toPlainString() + ", unrealized " + s.unrealizedPnl().toPlainString()
                    + ", fees " + s.fees().toPlainString() + "), " + s.trades() + " trades, " + s.fills()
                    + " fills, max drawdown " + s.maxDrawdown().toPlainString() + ", Sharpe "
                    + (s.sharpe() == null ? "n/a" : s.sharpe().toPlainString()));
        }
        out.println("Report: " + report.resolve("report.html") + " (also " + String.join(", ",
                BacktestReport.FILES.subList(0, 3)) + ", equity.png)");
    }

    private List<StrategyDefinition> strategies(String[] springArgs) {
        if ((strategiesFile == null) == (strategyIds == null || strategyIds.isEmpty())) {
            throw new IllegalArgumentException("give either --strategies FILE or --strategy ID (not both)");
        }
        if (strategiesFile != null) {
            List<StrategyDefinition> enabled = StrategySet.readYaml(strategiesFile);
            if (enabled.isEmpty()) {
                throw new IllegalArgumentException("no enabled strategy in " + strategiesFile);
            }
            return enabled;
        }
        return CommandDatabase.run(springArgs, jdbc -> {
            List<StrategyDefinition> found = new ArrayList<>();
            for (String id : strategyIds) {
                found.add(StrategySet.find(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc),
                        StrategyId.of(id)).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + id
                        + "': not in strategy_configurations (load it with 'strategies load FILE')")));
            }
            return found;
        });
    }

    private BacktestSettings settings() {
        BigDecimal startingCash = OptionValues.decimal("--cash", cash);
        PaperTradingProperties venue = new PaperTradingProperties(
                OptionValues.decimal("--slippage-percent", slippage),
                OptionValues.choice("--charges", charges, PaperTradingProperties.Charges.class),
                OptionValues.decimal("--commission-percent", commission),
                OptionValues.choice("--indian-product", product, IndianEquityCharges.Product.class), startingCash,
                null, BigDecimal.ZERO, 3, 1, null, BigDecimal.ZERO, null, null, null, shortSelling, Duration.ZERO,
                OptionValues.positive("--tick-size", tickSize));
        return new BacktestSettings(OptionValues.date("--from", from), OptionValues.date("--to", to), startingCash,
                venue, RiskCheck.defaultLimits());
    }
}
