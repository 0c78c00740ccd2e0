package com.alphapanda.strategy;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the roster in step with {@code strategy_configurations}: loads it at start-up (after the optional seed file)
 * and re-reads it every {@code alpha-panda.strategies.reload-interval}; only a change is applied and logged.
 */
class StrategyReloader {

    private static final Logger log = LoggerFactory.getLogger(StrategyReloader.class);

    private final StrategyStore store;
    private final StrategyRoster roster;
    private List<StrategyStore.Row> applied;

    StrategyReloader(StrategyStore store, StrategyRoster roster) {
        this.store = store;
        this.roster = roster;
    }

    @Scheduled(initialDelayString = "${alpha-panda.strategies.reload-interval:5s}",
            fixedDelayString = "${alpha-panda.strategies.reload-interval:5s}")
    void poll() {
        reload();
    }

    /** Re-reads the table; returns whether anything changed. */
    synchronized boolean reload() {
        List<StrategyStore.Row> rows = store.findAll();
        if (Objects.equals(rows, applied)) {
            return false;
        }
        StrategyRoster.Report report = roster.apply(rows);
        applied = rows;
        log.info("Strategies loaded: {} active, {} rejected", report.active(), report.rejected().size());
        report.rejected().forEach(log::warn);
        report.notes().forEach(log::info);
        return true;
    }
}
