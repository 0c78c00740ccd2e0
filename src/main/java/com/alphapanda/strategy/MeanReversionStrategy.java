package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * {@code mean_reversion}: RSI over {@code rsi_period} changes and Bollinger bands (mean ± {@code bollinger_std} sample
 * standard deviations of the last {@code lookback_periods} prices). After max(lookback, 2·rsi_period) ticks: RSI <
 * oversold and price < lower band → BUY with confidence min(1, (oversold − RSI)/20 + (lower − price)/lower); RSI >
 * overbought and price > upper band → SELL with min(1, (RSI − overbought)/20 + (price − upper)/upper). Defaults:
 * lookback 20, rsi_period 14, oversold 30, overbought 70, bollinger_std 2.0, position size 100.
 */
public final class MeanReversionStrategy implements Strategy<MeanReversionStrategy.State> {

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    private final int lookback;
    private final int rsiPeriod;
    private final BigDecimal oversold;
    private final BigDecimal overbought;
    private final BigDecimal bandWidth;
    private final Quantity positionSize;
    private final int warmUp;

    public MeanReversionStrategy(int lookback, int rsiPeriod, BigDecimal oversold, BigDecimal overbought,
                                 BigDecimal bandWidth, Quantity positionSize) {
        this.lookback = lookback;
        this.rsiPeriod = rsiPeriod;
        this.oversold = oversold;
        this.overbought = overbought;
        this.bandWidth = bandWidth;
        this.positionSize = positionSize;
        this.warmUp = Math.max(lookback, 2 * rsiPeriod);
    }

    /** Per-instrument indicators. */
    public static final class State {
        final RollingStatistics bands;
        final RollingRsi rsi;
        long ticks;

        State(int lookback, int rsiPeriod) {
            this.bands = new RollingStatistics(lookback);
            this.rsi = new RollingRsi(rsiPeriod);
        }
    }

    /** Bands: the last lookback prices; RSI: rsi_period + 1; the warm-up count: max(lookback, 2·rsi_period). */
    @Override
    public int stateTicks() {
        return warmUp;
    }

    @Override
    public State newState() {
        return new State(lookback, rsiPeriod);
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, State state) {
        BigDecimal price = tick.lastPrice().value();
        state.bands.add(price);
        state.rsi.add(price);
        if (++state.ticks < warmUp) {
            return Optional.empty();
        }
        if (state.rsi.isBelow(oversold) && beyondBand(state.bands, price, -1)) {
            BigDecimal lower = band(state.bands, -1);
            BigDecimal rsi = state.rsi.value();
            BigDecimal confidence = Decimals.divide(oversold.subtract(rsi), TWENTY)
                    .add(Decimals.divide(lower.subtract(price), lower));
            return Optional.of(signal(SignalType.BUY, confidence, tick, rsi, "below lower", lower));
        }
        if (state.rsi.isAbove(overbought) && beyondBand(state.bands, price, 1)) {
            BigDecimal upper = band(state.bands, 1);
            BigDecimal rsi = state.rsi.value();
            BigDecimal confidence = Decimals.divide(rsi.subtract(overbought), TWENTY)
                    .add(Decimals.divide(price.subtract(upper), upper));
            return Optional.of(signal(SignalType.SELL, confidence, tick, rsi, "above upper", upper));
        }
        return Optional.empty();
    }

    /**
     * Whether the price is strictly outside the band on this side (−1 lower, +1 upper), decided exactly:
     * price < mean − k·sd ⇔ n·price < Σx and k²·n·(n·Σx² − (Σx)²) < (n−1)·(Σx − n·price)².
     */
    private boolean beyondBand(RollingStatistics stats, BigDecimal price, int side) {
        BigDecimal n = BigDecimal.valueOf(stats.count());
        BigDecimal distance = stats.sum().subtract(n.multiply(price));
        if (side > 0) {
            distance = distance.negate();
        }
        if (distance.signum() <= 0) {
            return false;
        }
        BigDecimal spread = bandWidth.multiply(bandWidth).multiply(n).multiply(stats.scaledVariance());
        return spread.compareTo(n.subtract(BigDecimal.ONE).multiply(distance.multiply(distance))) < 0;
    }

    private BigDecimal band(RollingStatistics stats, int side) {
        BigDecimal offset = bandWidth.multiply(stats.sampleStandardDeviation());
        return side > 0 ? stats.mean().add(offset) : stats.mean().subtract(offset);
    }

    private StrategySignal signal(SignalType side, BigDecimal confidence, MarketTick tick, BigDecimal rsi,
                                  String where, BigDecimal band) {
        MathContext show = new MathContext(6);
        return new StrategySignal(side, Decimals.clamp01(confidence), positionSize, tick.lastPrice(),
                "RSI " + rsi.round(show).toPlainString() + " and price " + where + " Bollinger band "
                        + band.round(show).toPlainString());
    }
}
