package com.alphapanda.instrument;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads the bundled 20-instrument universe into {@code instruments} and {@code instrument_registry} once: when every
 * bundled instrument is already registered nothing is written, so restarts do not reload it (the reference reloaded
 * on every start). Instruments already present (e.g. from a Kite import) are not overwritten.
 */
final class UniverseSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UniverseSeeding.class);
    private static final String SOURCE = "nse-instruments.csv";

    private final InstrumentStore store;

    UniverseSeeding(InstrumentStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Returns whether anything was written. */
    boolean seed() {
        List<Instrument> bundled = InstrumentUniverse.bundled();
        if (store.countRegistered(InstrumentUniverse.bundledTokens()) == bundled.size()) {
            return false;
        }
        store.insertMissing(bundled, SOURCE);
        store.subscribe(bundled, "system");
        log.info("Loaded the bundled universe of {} NSE instruments", bundled.size());
        return true;
    }
}
