package com.alphapanda.strategy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.strategies}.
 *
 * @param seedFile          a YAML file of strategies upserted into the database at start-up (none by default)
 * @param reloadInterval    how often the runner re-reads {@code strategy_configurations} (changes apply without a
 *                          restart)
 * @param runnerConcurrency consumer threads of the runner in this instance (ticks are keyed by instrument, so each
 *                          instrument's state stays on one thread)
 */
@Validated
@ConfigurationProperties("alpha-panda.strategies")
public record StrategyProperties(
        Path seedFile,
        @NotNull @DefaultValue("5s") Duration reloadInterval,
        @Min(1) @DefaultValue("4") int runnerConcurrency) {
}
