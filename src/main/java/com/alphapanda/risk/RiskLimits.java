package com.alphapanda.risk;

import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The limits that apply to one strategy at one broker, resolved from configuration (strategy override, else broker
 * setting, else default).
 *
 * @param priceBandPercent   maximum deviation of the signal price from the last tick, in percent
 * @param allowedInstruments empty: every instrument is allowed
 */
record RiskLimits(long maxPositionSize, int maxDailyTrades, BigDecimal priceBandPercent, BigDecimal maxOrderNotional,
                  BigDecimal dailyLossLimit, int maxOpenPositions, Set<InstrumentToken> allowedInstruments) {

    static final long DEFAULT_MAX_POSITION_SIZE = 1000;
    static final int DEFAULT_MAX_DAILY_TRADES = 50;
    static final BigDecimal DEFAULT_PRICE_BAND_PERCENT = BigDecimal.TEN;
    static final int DEFAULT_MAX_OPEN_POSITIONS = 20;
    /** The default daily loss limit as a fraction of the starting cash (5 %). */
    static final BigDecimal DEFAULT_DAILY_LOSS_FRACTION = new BigDecimal("0.05");

    RiskLimits {
        allowedInstruments = Set.copyOf(allowedInstruments);
    }

    /** The defaults for a strategy with this starting cash. */
    static RiskLimits defaults(BigDecimal startingCash) {
        return new RiskLimits(DEFAULT_MAX_POSITION_SIZE, DEFAULT_MAX_DAILY_TRADES, DEFAULT_PRICE_BAND_PERCENT,
                startingCash, startingCash.multiply(DEFAULT_DAILY_LOSS_FRACTION), DEFAULT_MAX_OPEN_POSITIONS, Set.of());
    }
}
