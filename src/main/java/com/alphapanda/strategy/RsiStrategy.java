package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * {@code rsi}: after 2·{@code rsi_period} ticks, RSI < oversold → BUY with confidence (oversold − RSI)/oversold; RSI >
 * overbought → SELL with (RSI − overbought)/(100 − overbought); both capped at 1. Defaults: rsi_period 14,
 * oversold 30, overbought 70, position size 100.
 */
public final class RsiStrategy implements Strategy<RsiStrategy.State> {

    private final int period;
    private final BigDecimal oversold;
    private final BigDecimal overbought;
    private final Quantity positionSize;

    public RsiStrategy(int period, BigDecimal oversold, BigDecimal overbought, Quantity positionSize) {
        this.period = period;
        this.oversold = oversold;
        this.overbought = overbought;
        this.positionSize = positionSize;
    }

    /** Per-instrument RSI and tick count. */
    public static final class State {
        final RollingRsi rsi;
        long ticks;

        State(int period) {
            this.rsi = new RollingRsi(period);
        }
    }

    /** The RSI needs period + 1 prices; the warm-up counts to 2·period, past which the count no longer matters. */
    @Override
    public int stateTicks() {
        return 2 * period;
    }

    @Override
    public State newState() {
        return new State(period);
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, State state) {
        state.rsi.add(tick.lastPrice().value());
        if (++state.ticks < 2L * period) {
            return Optional.empty();
        }
        if (state.rsi.isBelow(oversold)) {
            BigDecimal rsi = state.rsi.value();
            return Optional.of(signal(SignalType.BUY, Decimals.divide(oversold.subtract(rsi), oversold), tick, rsi));
        }
        if (state.rsi.isAbove(overbought)) {
            BigDecimal rsi = state.rsi.value();
            BigDecimal confidence = Decimals.divide(rsi.subtract(overbought), Decimals.HUNDRED.subtract(overbought));
            return Optional.of(signal(SignalType.SELL, confidence, tick, rsi));
        }
        return Optional.empty();
    }

    private StrategySignal signal(SignalType side, BigDecimal confidence, MarketTick tick, BigDecimal rsi) {
        String zone = side == SignalType.BUY ? "below oversold " + oversold : "above overbought " + overbought;
        return new StrategySignal(side, Decimals.clamp01(confidence), positionSize, tick.lastPrice(),
                "RSI " + rsi.round(new MathContext(6)).toPlainString() + " " + zone);
    }
}
