package com.alphapanda.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports a Kite instrument dump into {@code instruments} ({@code ./alpha-panda instruments import FILE}): valid rows
 * are upserted, malformed rows reported by line number and skipped. With {@code subscribe} the imported instruments
 * are also added to {@code instrument_registry}.
 */
public final class InstrumentImport {

    private final InstrumentStore store;

    public InstrumentImport(JdbcTemplate jdbc) {
        this.store = new InstrumentStore(jdbc);
    }

    /** What an import did. */
    public record Result(int imported, List<InstrumentFile.RowError> skipped) {
    }

    /** Imports a file; a missing or unreadable file is an {@link IllegalArgumentException} naming it. */
    public Result importFile(Path file, boolean subscribe) {
        InstrumentFile.Parsed parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = InstrumentFile.readKiteDump(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("instrument file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read instrument file " + file + ": " + e.getMessage(), e);
        }
        String source = file.getFileName().toString();
        store.upsert(parsed.instruments(), source);
        if (subscribe) {
            store.subscribe(parsed.instruments(), "import:" + source);
        }
        return new Result(parsed.instruments().size(), parsed.errors());
    }
}
