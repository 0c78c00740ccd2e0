package com.alphapanda.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One strategy's results. Amounts in rupees rounded to paise; {@code netPnl} = realized + unrealized − fees =
 * final equity − starting cash; fractions ({@code winRate}, {@code maxDrawdownFraction}, {@code exposure},
 * {@code returnFraction}) in [0, 1] (return may be negative); {@code sharpe}/{@code sortino} null when undefined (see
 * {@link BacktestResult#ratioFormula()}). A trade is a fill that closes (part of) a position; average win and loss
 * are of those trades' realized PnL, gross of fees.
 */
public record StrategyResult(
        String strategyId,
        String strategyType,
        BigDecimal startingCash,
        BigDecimal finalCash,
        BigDecimal finalEquity,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        BigDecimal fees,
        BigDecimal netPnl,
        BigDecimal returnFraction,
        long signals,
        long rejectedSignals,
        long orders,
        long failedOrders,
        long fills,
        long trades,
        long wins,
        long losses,
        BigDecimal winRate,
        BigDecimal averageWin,
        BigDecimal averageLoss,
        BigDecimal maxDrawdown,
        BigDecimal maxDrawdownFraction,
        Instant drawdownPeakAt,
        Instant drawdownTroughAt,
        BigDecimal exposure,
        BigDecimal maxGrossExposure,
        int tradingDays,
        BigDecimal sharpe,
        BigDecimal sortino,
        int openPositions) {
}
