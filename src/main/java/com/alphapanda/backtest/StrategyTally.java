package com.alphapanda.backtest;

import java.math.BigDecimal;

/**
 * The counts of one strategy's backtest: signals, risk rejections, orders, fills and trades. A trade is a fill that
 * closes (part of) a position; its result is the PnL it realized, gross of fees; a win is a trade that realized
 * more than zero, a loss one that realized less.
 */
final class StrategyTally {

    long signals;
    long rejected;
    long orders;
    long refusedOrders;
    long fills;
    long trades;
    long wins;
    long losses;
    BigDecimal winnings = BigDecimal.ZERO;
    BigDecimal lossesTotal = BigDecimal.ZERO;

    void closed(BigDecimal realized) {
        trades++;
        if (realized.signum() > 0) {
            wins++;
            winnings = winnings.add(realized);
        } else if (realized.signum() < 0) {
            losses++;
            lossesTotal = lossesTotal.add(realized);
        }
    }
}
