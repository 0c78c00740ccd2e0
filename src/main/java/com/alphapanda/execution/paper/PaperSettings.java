package com.alphapanda.execution.paper;

import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The paper venue's model and guardrails (plain values; bound from {@code alpha-panda.paper} by
 * {@link PaperTradingProperties}).
 *
 * @param slippagePercent        market-order slippage against the trader, in percent (default 0.05)
 * @param partialFillPerMillion  chance, in millionths, that an execution is split into partial fills
 * @param maxPartials            at most this many partial fills per execution (≥ 1)
 * @param maxQuantity            null: no maximum
 * @param maxPrice               null: no maximum
 * @param allowedInstruments     empty: every instrument
 * @param maxPositionNotional    cap of a position's notional (|held| + order) × price; null: no cap
 * @param latency                added to the event time of fills (simulated exchange latency)
 * @param tickSize               every fill price and bracket level is a multiple of it (NSE equities: 0.05)
 */
record PaperSettings(BigDecimal slippagePercent, ChargesModel charges, BigDecimal startingCash,
                     Map<String, BigDecimal> strategyStartingCash, int partialFillPerMillion, int maxPartials,
                     long minQuantity, Long maxQuantity, BigDecimal minPrice, BigDecimal maxPrice,
                     Set<InstrumentToken> allowedInstruments, BigDecimal maxPositionNotional,
                     boolean allowShortSelling, Duration latency, BigDecimal tickSize) {

    PaperSettings {
        strategyStartingCash = Map.copyOf(strategyStartingCash);
        allowedInstruments = Set.copyOf(allowedInstruments);
        if (maxPartials < 1) {
            throw new IllegalArgumentException("max partials must be at least 1");
        }
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size must be positive");
        }
    }

    /** NSE's tick size for equities. */
    static final BigDecimal NSE_TICK = new BigDecimal("0.05");

    /**
     * The reference's defaults: 0.05 % slippage, 0.1 % commission, 1 000 000 cash, no partial fills, no shorting;
     * prices on NSE's 0.05 tick.
     */
    static PaperSettings defaults() {
        return new PaperSettings(new BigDecimal("0.05"), new CommissionCharges(new BigDecimal("0.1")),
                new BigDecimal("1000000"), Map.of(), 0, 3, 1, null, BigDecimal.ZERO, null, Set.of(), null, false,
                Duration.ZERO, NSE_TICK);
    }

    BigDecimal startingCashOf(String strategyId) {
        return strategyStartingCash.getOrDefault(strategyId, startingCash);
    }
}
