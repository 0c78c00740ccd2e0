package com.alphapanda.strategy;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Upserts the strategies of {@code alpha-panda.strategies.seed-file} at start-up; rejected ones are logged. */
final class StrategySeeding {

    private static final Logger log = LoggerFactory.getLogger(StrategySeeding.class);

    private StrategySeeding() {
    }

    static void seed(StrategyLoad load, Path file) {
        StrategyLoad.Result result = load.load(file);
        log.info("Seeded {} strategies from {}: {}", result.loaded().size(), file, result.loaded());
        result.rejected().forEach(log::warn);
        result.notes().forEach(log::info);
    }
}
