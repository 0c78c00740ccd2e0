package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code momentum}: over a window of {@code lookback_periods} prices ending with the current one, momentum =
 * (current − oldest) / oldest. Above {@code threshold} → BUY, below −threshold → SELL, with confidence
 * min(1, 5·|momentum|) and the current price. Defaults: lookback 20, threshold 0.01, position size 100.
 */
public final class MomentumStrategy implements Strategy<RollingWindow> {

    private static final BigDecimal CONFIDENCE_FACTOR = BigDecimal.valueOf(5);

    private final int lookback;
    private final BigDecimal threshold;
    private final Quantity positionSize;

    public MomentumStrategy(int lookback, BigDecimal threshold, Quantity positionSize) {
        if (lookback < 2) {
            throw new IllegalArgumentException("lookback_periods must be at least 2");
        }
        this.lookback = lookback;
        this.threshold = threshold;
        this.positionSize = positionSize;
    }

    /** The window: the last {@code lookback} prices. */
    @Override
    public int stateTicks() {
        return lookback;
    }

    @Override
    public RollingWindow newState() {
        return new RollingWindow(lookback);
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, RollingWindow prices) {
        BigDecimal current = tick.lastPrice().value();
        prices.add(current);
        if (!prices.isFull()) {
            return Optional.empty();
        }
        BigDecimal reference = prices.oldest();
        BigDecimal change = current.subtract(reference);
        BigDecimal limit = threshold.multiply(reference);
        SignalType side = change.compareTo(limit) > 0 ? SignalType.BUY
                : change.compareTo(limit.negate()) < 0 ? SignalType.SELL : null;
        if (side == null) {
            return Optional.empty();
        }
        BigDecimal momentum = Decimals.divide(change, reference);
        BigDecimal confidence = Decimals.clamp01(momentum.abs().multiply(CONFIDENCE_FACTOR));
        return Optional.of(new StrategySignal(side, confidence, positionSize, tick.lastPrice(),
                "momentum " + momentum.round(new java.math.MathContext(6)).toPlainString() + " over " + lookback
                        + " ticks beyond threshold " + threshold.toPlainString()));
    }
}
