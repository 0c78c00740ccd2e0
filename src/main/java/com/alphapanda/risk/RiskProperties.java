package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Risk limits under {@code alpha-panda.risk.brokers.<broker>}, each optionally overridden per strategy under
 * {@code ...strategies.<strategyId>}. Unset values fall back to the broker's, then to the defaults: max position
 * size 1000, max daily trades 50, price band 10 %, max order notional = the strategy's starting cash, daily loss
 * limit = 5 % of it, max open positions 20, every instrument allowed.
 */
@Validated
@ConfigurationProperties("alpha-panda.risk")
public record RiskProperties(Map<Broker, @Valid Limits> brokers) {

    public RiskProperties {
        brokers = brokers == null ? Map.of() : Map.copyOf(brokers);
    }

    /** Optional limits; null means "inherit". */
    public record Limits(@Min(0) Long maxPositionSize,
                         @Min(0) Integer maxDailyTrades,
                         @DecimalMin("0") BigDecimal priceBandPercent,
                         @DecimalMin("0") BigDecimal maxOrderNotional,
                         @DecimalMin("0") BigDecimal dailyLossLimit,
                         @Min(0) Integer maxOpenPositions,
                         List<Long> allowedInstruments,
                         Map<String, @Valid Limits> strategies) {

        public Limits {
            strategies = strategies == null ? Map.of() : Map.copyOf(strategies);
        }

        static final Limits NONE = new Limits(null, null, null, null, null, null, null, null);

        RiskLimits over(RiskLimits base) {
            return new RiskLimits(or(maxPositionSize, base.maxPositionSize()),
                    or(maxDailyTrades, base.maxDailyTrades()), or(priceBandPercent, base.priceBandPercent()),
                    or(maxOrderNotional, base.maxOrderNotional()), or(dailyLossLimit, base.dailyLossLimit()),
                    or(maxOpenPositions, base.maxOpenPositions()),
                    allowedInstruments == null ? base.allowedInstruments()
                            : allowedInstruments.stream().map(InstrumentToken::of).collect(Collectors.toSet()));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }

    /** The limits of a strategy at a broker, given the strategy's starting cash. */
    RiskLimits limitsFor(Broker broker, String strategyId, BigDecimal startingCash) {
        Limits brokerLimits = brokers.getOrDefault(broker, Limits.NONE);
        Limits strategyLimits = brokerLimits.strategies().getOrDefault(strategyId, Limits.NONE);
        return strategyLimits.over(brokerLimits.over(RiskLimits.defaults(startingCash)));
    }

}
