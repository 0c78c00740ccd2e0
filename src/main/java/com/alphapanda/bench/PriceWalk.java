package com.alphapanda.bench;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prices of the bench's ticks: one random walk per instrument on the NSE price grid of 0.05, starting at 100.00 and
 * moving -3..+3 grid steps per tick, kept between 50.00 and 200.00. With the built-in strategies' default parameters
 * this makes momentum, mean_reversion and rsi signal on a few percent of their ticks, like a busy market.
 */
final class PriceWalk {

    /** Prices are counted in grid steps of 0.05 (5 paise). */
    private static final long START = 2_000;
    private static final long LOW = 1_000;
    private static final long HIGH = 4_000;
    private static final int MAX_STEP = 3;

    private final List<InstrumentToken> tokens;
    private final long[] steps;
    private final SplittableRandom random;
    private int next;

    PriceWalk(List<InstrumentToken> tokens, long seed) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no instruments");
        }
        this.tokens = List.copyOf(tokens);
        this.steps = new long[tokens.size()];
        java.util.Arrays.fill(steps, START);
        this.random = new SplittableRandom(seed);
    }

    /** The instrument of the next tick: the instruments in turn. */
    InstrumentToken nextToken() {
        return tokens.get(next);
    }

    /** Moves the next instrument's price and returns it; the following call moves the following instrument. */
    Price nextPrice() {
        int i = next;
        next = (next + 1) % tokens.size();
        long moved = steps[i] + random.nextInt(-MAX_STEP, MAX_STEP + 1);
        steps[i] = moved < LOW || moved > HIGH ? steps[i] : moved;
        return Price.of(BigDecimal.valueOf(steps[i] * 5, 2));
    }
}
