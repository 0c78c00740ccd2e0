package com.alphapanda.instrument;

import com.alphapanda.core.id.InstrumentToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The 20 NSE instruments shipped with Alpha Panda ({@code instrument/nse-instruments.csv}). */
public final class InstrumentUniverse {

    private static final String RESOURCE = "/instrument/nse-instruments.csv";
    private static final List<Instrument> BUNDLED = load();

    private InstrumentUniverse() {
    }

    public static List<Instrument> bundled() {
        return BUNDLED;
    }

    public static List<InstrumentToken> bundledTokens() {
        return BUNDLED.stream().map(Instrument::token).toList();
    }

    private static List<Instrument> load() {
        try (InputStream in = InstrumentUniverse.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            InstrumentFile.Parsed parsed = InstrumentFile.readUniverse(in);
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException(RESOURCE + " is malformed: " + parsed.errors());
            }
            return parsed.instruments();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
