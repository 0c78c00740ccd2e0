package com.alphapanda.strategy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.alphapanda.instrument.InstrumentRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a YAML file of strategies into {@code strategy_configurations}, upserting by id: at start-up
 * ({@code alpha-panda.strategies.seed-file}) and with {@code ./alpha-panda strategies load FILE}. Each strategy is
 * validated first (type known, parameters valid and within {@link StrategyLimits}, instruments in the trading
 * universe); a rejected one is reported and skipped, the others are loaded.
 * A running platform picks the changes up within its reload interval.
 */
public final class StrategyLoad {

    private final StrategyStore store;
    private final StrategyValidation validation;

    public StrategyLoad(JdbcClient jdbc) {
        this(new StrategyStore(jdbc), new StrategyValidation(new StrategyCatalog(name -> null),
                new InstrumentRegistry(jdbc)::outsideUniverse));
    }

    StrategyLoad(StrategyStore store, StrategyValidation validation) {
        this.store = store;
        this.validation = validation;
    }

    /** What a load did: the ids upserted, the problems of the strategies left out, and notes. */
    public record Result(List<String> loaded, List<String> rejected, List<String> notes) {
    }

    /** Loads a file; a missing, unreadable or unparsable file is an {@link IllegalArgumentException} naming it. */
    public Result load(Path file) {
        List<StrategyYaml.Entry> entries;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries = StrategyYaml.read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("strategy file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read strategy file " + file + ": " + e.getMessage(), e);
        }
        return load(entries, store::upsert);
    }

    /** Loads strategies from YAML text ({@code source} names it in messages). */
    public Result load(Reader reader, String source) {
        return load(StrategyYaml.read(reader, source), store::upsert);
    }

    Result load(List<StrategyYaml.Entry> entries, java.util.function.Consumer<StrategyDefinition> sink) {
        List<String> loaded = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StrategyYaml.Entry entry : entries) {
            if (entry.definition() == null) {
                rejected.add(entry.problem());
                continue;
            }
            StrategyDefinition d = entry.definition();
            try {
                ConfiguredStrategy built = validation.check(d);
                built.notes().stream().map(n -> d.id() + ": " + n).forEach(notes::add);
                sink.accept(d);
                loaded.add(d.id().value());
            } catch (InvalidStrategyException e) {
                rejected.add(e.getMessage());
            }
        }
        return new Result(loaded, rejected, notes);
    }

}
