package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.instrument.NseCalendar;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fixed set of strategies evaluated in-process, outside Kafka: the backtester's strategies. It builds them with the
 * same catalog, instances, validators and evaluation ({@link StrategyEvaluation}: session filter, routing, signal
 * validation) as the live runner, so a strategy behaves the same on the same ticks. Not thread-safe: one owner.
 */
public final class StrategySet {

    private final StrategyEvaluation evaluation;
    private final List<StrategyDefinition> definitions;

    private StrategySet(StrategyRoster roster, NseCalendar calendar, List<StrategyDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        this.evaluation = new StrategyEvaluation(roster::interestedIn, calendar, new StrategyEvaluation.Observer() {
            @Override
            public void error(String strategyId) {
                // logged by the evaluation; a backtest goes on like the live runner does
            }

            @Override
            public void invalid(String strategyId) {
                // logged by the evaluation
            }
        });
    }

    /**
     * Builds the strategies (each run as active, whatever its stored flag); an unknown type or invalid parameters is
     * an {@link InvalidStrategyException}, duplicate ids an {@link IllegalArgumentException}.
     */
    public static StrategySet of(List<StrategyDefinition> definitions, NseCalendar calendar) {
        List<StrategyStore.Row> rows = new ArrayList<>();
        List<StrategyDefinition> active = new ArrayList<>();
        for (StrategyDefinition d : definitions) {
            if (active.stream().anyMatch(a -> a.id().equals(d.id()))) {
                throw new IllegalArgumentException("strategy '" + d.id() + "' is given twice");
            }
            StrategyDefinition running = new StrategyDefinition(d.id(), d.type(), d.instruments(), d.parameters(),
                    true, d.targetBrokers());
            new StrategyCatalog(name -> null).build(d.id().value(), d.type(), d.parameters());
            rows.add(new StrategyStore.Row(d.id().value(), running, null));
            active.add(running);
        }
        StrategyRoster roster = new StrategyRoster(new StrategyCatalog(name -> null));
        StrategyRoster.Report report = roster.apply(rows);
        if (!report.rejected().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", report.rejected()));
        }
        return new StrategySet(roster, calendar, active);
    }

    /**
     * The enabled strategies of a YAML file in the {@code strategies load} format. A missing or unparsable file, or an
     * invalid entry, is an {@link IllegalArgumentException} naming it.
     */
    public static List<StrategyDefinition> readYaml(Path file) {
        List<StrategyYaml.Entry> entries;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries = StrategyYaml.read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("strategy file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read strategy file " + file + ": " + e.getMessage(), e);
        }
        List<StrategyDefinition> enabled = new ArrayList<>();
        for (StrategyYaml.Entry entry : entries) {
            if (entry.definition() == null) {
                throw new IllegalArgumentException(entry.problem());
            }
            if (entry.definition().active()) {
                enabled.add(entry.definition());
            }
        }
        return enabled;
    }

    /** The stored strategy with this id (from {@code strategy_configurations}); a row that cannot be read is refused. */
    public static Optional<StrategyDefinition> find(JdbcClient jdbc, StrategyId id) {
        return new StrategyStore(jdbc).find(id).map(row -> {
            if (row.definition() == null) {
                throw new IllegalArgumentException(row.problem());
            }
            return row.definition();
        });
    }

    public List<StrategyDefinition> definitions() {
        return definitions;
    }

    /** Evaluates a tick (skipped outside the regular session) and hands each signal to {@code signals}. */
    public void onTick(EventId tickId, MarketTick tick, Consumer<TradingSignal> signals) {
        evaluation.onTick(tickId, tick, (instance, signal) -> signals.accept(signal));
    }
}
