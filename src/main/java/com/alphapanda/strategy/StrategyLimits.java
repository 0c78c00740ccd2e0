package com.alphapanda.strategy;

import java.math.BigDecimal;

/**
 * Upper bounds on what one strategy may ask for, so that no configuration (API, YAML file or a row already in the
 * database) can exhaust memory: every indicator window is allocated per instrument, so the instrument count and the
 * lookbacks are bounded, and so are quantities and the size of the stored configuration. Checked before anything is
 * stored and again whenever a stored strategy is read.
 */
public final class StrategyLimits {

    /** Instruments one strategy may trade. */
    public static final int MAX_INSTRUMENTS = 200;
    /** Longest lookback (ticks kept per instrument) of any indicator. */
    static final int MAX_LOOKBACK = 5_000;
    /** Longest RSI period. */
    static final int MAX_RSI_PERIOD = 1_000;
    /** Largest order quantity a strategy may ask for (shares or contracts). */
    static final int MAX_QUANTITY = 1_000_000;
    /** Longest minimum interval of the demo strategy: one week. */
    static final int MAX_INTERVAL_SECONDS = 7 * 24 * 3600;
    /** Most signals per instrument and day of the demo strategy. */
    static final int MAX_DAILY_SIGNALS = 10_000;
    /** Largest multiplier parameter (threshold, Bollinger width). */
    static final BigDecimal MAX_FACTOR = BigDecimal.TEN;
    /** Most significant digits of a decimal parameter. */
    static final int MAX_DIGITS = 30;
    /** Largest stored parameters object, in bytes of JSON. */
    public static final int MAX_PARAMETERS_BYTES = 16 * 1024;

    private StrategyLimits() {
    }
}
