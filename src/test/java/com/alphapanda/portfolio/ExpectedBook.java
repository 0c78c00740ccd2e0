package com.alphapanda.portfolio;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * An independent calculation of what a portfolio should show: the paper venue's price and fee formulas written out
 * again, and average-cost accounting in 34-digit decimals (long positions only), without any production class.
 */
final class ExpectedBook {

    static final BigDecimal SLIPPAGE = new BigDecimal("0.0005");
    static final BigDecimal COMMISSION = new BigDecimal("0.001");

    BigDecimal cash = new BigDecimal("1000000");
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal realized = BigDecimal.ZERO;
    final Map<InstrumentToken, long[]> quantities = new HashMap<>();
    final Map<InstrumentToken, BigDecimal> averages = new HashMap<>();
    final Map<InstrumentToken, BigDecimal> realizedBy = new HashMap<>();
    int fillCount;

    static final BigDecimal TICK = new BigDecimal("0.05");

    /** market × (1 + slippage), rounded up to the 0.05 tick (what the trader pays). */
    static BigDecimal buyPrice(String market) {
        return up(new BigDecimal(market).multiply(BigDecimal.ONE.add(SLIPPAGE)));
    }

    /** market × (1 − slippage), rounded down to the 0.05 tick (what the trader gets). */
    static BigDecimal sellPrice(String market) {
        return down(new BigDecimal(market).multiply(BigDecimal.ONE.subtract(SLIPPAGE)));
    }

    static BigDecimal up(BigDecimal price) {
        return price.divide(TICK, 0, RoundingMode.CEILING).multiply(TICK);
    }

    static BigDecimal down(BigDecimal price) {
        return price.divide(TICK, 0, RoundingMode.FLOOR).multiply(TICK);
    }

    static BigDecimal fee(long quantity, BigDecimal price) {
        return price.multiply(BigDecimal.valueOf(quantity)).multiply(COMMISSION).setScale(2, RoundingMode.HALF_UP);
    }

    /** Books a fill with the commission fee. */
    ExpectedBook fill(InstrumentToken token, SignalType side, long quantity, BigDecimal price) {
        return fill(token, side, quantity, price, fee(quantity, price));
    }

    ExpectedBook fill(InstrumentToken token, SignalType side, long quantity, BigDecimal price, BigDecimal fee) {
        fillCount++;
        long[] held = quantities.computeIfAbsent(token, t -> new long[1]);
        BigDecimal average = averages.getOrDefault(token, BigDecimal.ZERO);
        BigDecimal notional = price.multiply(BigDecimal.valueOf(quantity));
        fees = fees.add(fee);
        if (side == SignalType.BUY) {
            cash = cash.subtract(notional).subtract(fee);
            BigDecimal total = average.multiply(BigDecimal.valueOf(held[0])).add(notional);
            held[0] += quantity;
            averages.put(token, total.divide(BigDecimal.valueOf(held[0]), MathContext.DECIMAL128));
        } else {
            cash = cash.add(notional).subtract(fee);
            BigDecimal pnl = price.subtract(average).multiply(BigDecimal.valueOf(quantity));
            realized = realized.add(pnl);
            realizedBy.merge(token, pnl, BigDecimal::add);
            held[0] -= quantity;
        }
        return this;
    }

    long quantity(InstrumentToken token) {
        return quantities.getOrDefault(token, new long[1])[0];
    }

    BigDecimal unrealized(Map<InstrumentToken, BigDecimal> marks) {
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : quantities.entrySet()) {
            long q = entry.getValue()[0];
            if (q != 0) {
                total = total.add(marks.get(entry.getKey()).subtract(averages.get(entry.getKey()))
                        .multiply(BigDecimal.valueOf(q)));
            }
        }
        return total;
    }
}
