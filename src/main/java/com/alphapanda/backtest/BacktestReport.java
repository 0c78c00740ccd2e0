package com.alphapanda.backtest;

import com.alphapanda.core.json.EventJson;
import com.alphapanda.execution.paper.PaperTradingProperties;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.marketfeed.TickFiles;
import com.alphapanda.strategy.StrategyDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;

/**
 * Runs a backtest and writes its report to a directory: {@code fills.csv}, {@code orders.csv} (streamed while it
 * runs), {@code results.json}, {@code report.html} and {@code equity.png}. Nothing in it depends on the wall clock or
 * the machine, so the same inputs give byte-identical files.
 */
public final class BacktestReport {

    public static final List<String> FILES = List.of("fills.csv", "orders.csv", "results.json", "report.html",
            "equity.png");

    private BacktestReport() {
    }

    /**
     * Runs the strategies over the ticks and writes the report into {@code directory} (created if needed). Bad input
     * (invalid strategy, unreadable or malformed tick file, empty range, unusable directory) is an
     * {@link IllegalArgumentException} with a one-line message.
     */
    public static BacktestResult run(List<StrategyDefinition> strategies, BacktestSettings settings,
                                     NseCalendar calendar, TickFiles ticks, Path directory,
                                     Backtest.Progress progress) {
        Backtest backtest = new Backtest(strategies, settings, calendar);
        createDirectory(directory);
        Backtest.Outcome outcome;
        try (TradeJournal journal = new TradeJournal(writer(directory.resolve("fills.csv")),
                writer(directory.resolve("orders.csv")))) {
            outcome = backtest.run(ticks, journal, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BacktestResult result = Results.of(backtest, outcome, describe(settings.venue()));
        Map<String, List<EquityCurve.Point>> curves = new LinkedHashMap<>();
        backtest.curves().forEach((id, curve) -> curves.put(id.value(), curve.points()));
        try {
            Files.writeString(directory.resolve("results.json"), json(result) + "\n", StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("report.html"), HtmlReport.render(result, curves),
                    StandardCharsets.UTF_8);
            try (OutputStream png = Files.newOutputStream(directory.resolve("equity.png"))) {
                EquityChartPng.write(curves, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** The results as indented JSON (snake_case, amounts as decimal strings). */
    public static String json(BacktestResult result) {
        return EventJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
    }

    /** The venue model in words, e.g. {@code slippage 0.05 %, commission 0.1 %, short selling off}. */
    static String describe(PaperTradingProperties venue) {
        String charges = switch (venue.charges()) {
            case COMMISSION -> "commission " + venue.commissionPercent().toPlainString() + " %";
            case INDIAN_EQUITY -> "Indian equity charges (" + venue.indianProduct().name().toLowerCase() + ")";
        };
        return "paper venue, slippage " + venue.slippagePercent().toPlainString() + " %, " + charges
                + ", short selling " + (venue.allowShortSelling() ? "on" : "off");
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create report directory " + directory + ": " + e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("report directory " + directory + " is not writable");
        }
    }

    private static Writer writer(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
