package com.alphapanda.monitoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A stage of the trading pipeline, named after the service that does it. Each service reports every event it
 * processes through {@link PipelineActivity}. The market feed is shared by all brokers; the others run per broker.
 */
public enum PipelineStage {
    /** Ticks published by the market feed (shared by all brokers). */
    MARKET_FEED(true),
    /** Ticks processed by the strategy runner, with the tick's event time: {@code tick_age_seconds} is measured here. */
    STRATEGY_RUNNER(true),
    /** Signals decided by the risk manager. */
    RISK_MANAGER(false),
    /** Validated signals executed by a trading engine (orders submitted, filled or failed). */
    TRADING_ENGINE(false),
    /** Order events applied to portfolios by the portfolio manager. */
    PORTFOLIO_MANAGER(false);

    private final boolean continuous;

    PipelineStage(boolean continuous) {
        this.continuous = continuous;
    }

    /** The {@code stage} label value ({@code market_feed}, {@code strategy_runner}, ...). */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether events flow through this stage all the time while the market is open (every tick), so that silence is
     * a fault; the later stages only see signals, which may legitimately be rare.
     */
    public boolean continuous() {
        return continuous;
    }

    /** Whether the stage is shared by all brokers (its {@code broker} label is {@code shared}). */
    public boolean shared() {
        return this == MARKET_FEED;
    }
}
