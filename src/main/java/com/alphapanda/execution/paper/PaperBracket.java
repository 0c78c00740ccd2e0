package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Take-profit and stop-loss of a filled entry BUY, at the entry's average fill price × (1 + tp) and × (1 − sl), both
 * on the tick grid rounded down (they are prices the trader sells at). Armed after the entry's last fill; it exits
 * the whole bracketed quantity (at most what is still held): at the take-profit level when a tick reaches it, at the
 * triggering tick (slipped, as a market sell) when a tick reaches the stop-loss — a gap through the stop fills at
 * the first tick beyond it, not at the stop.
 */
record PaperBracket(PaperOrder entry, long quantity, BigDecimal takeProfit, BigDecimal stopLoss, Instant armedAt) {

    /** The bracket of an entry order, or null when the order has none (or is not a filled BUY). */
    static PaperBracket of(PaperOrder entry, BigDecimal tick) {
        var bracket = entry.instruction.bracket();
        if (bracket == null || entry.side != SignalType.BUY || entry.role != PaperOrder.Role.ENTRY
                || entry.filled == 0) {
            return null;
        }
        BigDecimal average = entry.filledCost.divide(BigDecimal.valueOf(entry.filled), 10, RoundingMode.HALF_EVEN);
        BigDecimal tp = bracket.takeProfitPct() == null ? null : FillSimulator.onTick(SignalType.SELL,
                average.multiply(BigDecimal.ONE.add(bracket.takeProfitPct())), tick);
        BigDecimal sl = bracket.stopLossPct() == null ? null : FillSimulator.onTick(SignalType.SELL,
                average.multiply(BigDecimal.ONE.subtract(bracket.stopLossPct())), tick);
        return new PaperBracket(entry, entry.filled, tp, sl, entry.lastFillAt);
    }

    /** The exit level a price reaches (stop-loss wins when both do), or null. */
    BigDecimal exitLevel(BigDecimal price) {
        if (stopLoss != null && price.compareTo(stopLoss) <= 0) {
            return stopLoss;
        }
        if (takeProfit != null && price.compareTo(takeProfit) >= 0) {
            return takeProfit;
        }
        return null;
    }

    boolean isTakeProfit(BigDecimal level) {
        return level.equals(takeProfit) && !level.equals(stopLoss);
    }
}
