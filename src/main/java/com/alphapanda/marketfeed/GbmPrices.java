package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded geometric Brownian motion per instrument: each step multiplies the price by exp(μ − σ²/2 + σ·Z) with Z
 * standard normal, μ the drift and σ the volatility per tick. The exact path is kept in DECIMAL64; published prices
 * are rounded to the NSE tick of 0.05 (at least one tick). The random factor is computed in binary floating point
 * (the random source is), then converted to a decimal: it is a simulated quantity, never money. Same seed, same
 * instruments and parameters → the same prices.
 */
final class GbmPrices {

    private static final BigDecimal TICK = new BigDecimal("0.05");

    private final Map<InstrumentToken, BigDecimal> prices = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final double drift;
    private final double volatility;

    GbmPrices(long seed, Map<InstrumentToken, BigDecimal> startPrices, BigDecimal driftPerTick,
              BigDecimal volatilityPerTick) {
        this.random = new SplittableRandom(seed);
        this.prices.putAll(startPrices);
        this.drift = driftPerTick.doubleValue();
        this.volatility = volatilityPerTick.doubleValue();
    }

    /** One tick per instrument, in configuration order, all at {@code timestamp}. */
    List<MarketTick> next(Instant timestamp) {
        List<MarketTick> ticks = new ArrayList<>(prices.size());
        for (Map.Entry<InstrumentToken, BigDecimal> e : prices.entrySet()) {
            double factor = Math.exp(drift - volatility * volatility / 2 + volatility * random.nextGaussian());
            BigDecimal price = e.getValue().multiply(new BigDecimal(Double.toString(factor)), MathContext.DECIMAL64);
            e.setValue(price);
            ticks.add(MarketTick.ltp(e.getKey(), Price.of(onTick(price)), timestamp));
        }
        return ticks;
    }

    private static BigDecimal onTick(BigDecimal price) {
        BigDecimal rounded = price.divide(TICK, 0, RoundingMode.HALF_EVEN).multiply(TICK);
        return rounded.signum() > 0 ? rounded : TICK;
    }
}
