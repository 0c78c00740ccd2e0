package com.alphapanda.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A backtest's results ({@code results.json}, {@code --json}): the range asked for and the ticks used (first and last
 * event time), the venue model, the ratio formula, and one {@link StrategyResult} per strategy in the given order.
 */
public record BacktestResult(
        LocalDate from,
        LocalDate to,
        long ticksRead,
        long ticksUsed,
        Instant firstTick,
        Instant lastTick,
        String venue,
        String ratioFormula,
        List<StrategyResult> strategies) {

    public BacktestResult {
        strategies = List.copyOf(strategies);
    }
}
