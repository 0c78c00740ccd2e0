package com.alphapanda.portfolio;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The portfolio manager under {@code alpha-panda.portfolio}.
 *
 * @param startingCash          cash each portfolio (broker × strategy) starts with
 * @param strategyStartingCash  per-strategy overrides of the starting cash, by strategy id
 * @param markInterval          how often positions are marked to the last tick in the Redis read model (ticks are
 *                              coalesced in between: at most one read-model write per portfolio per interval)
 * @param snapshotInterval      event time between two periodic PnL snapshots of a portfolio while the session is open
 */
@Validated
@ConfigurationProperties("alpha-panda.portfolio")
public record PortfolioProperties(
        @NotNull @DecimalMin("0") @DefaultValue("1000000") BigDecimal startingCash,
        Map<String, @NotNull @DecimalMin("0") BigDecimal> strategyStartingCash,
        @NotNull @DurationMin(millis = 50) @DefaultValue("1s") Duration markInterval,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("300s") Duration snapshotInterval) {

    public PortfolioProperties {
        strategyStartingCash = strategyStartingCash == null ? Map.of() : Map.copyOf(strategyStartingCash);
    }

    BigDecimal startingCashOf(String strategyId) {
        return strategyStartingCash.getOrDefault(strategyId, startingCash);
    }
}
