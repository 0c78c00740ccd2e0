package com.alphapanda.backtest;

import com.alphapanda.core.id.StrategyId;
import com.alphapanda.portfolio.PortfolioView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Computes the {@link BacktestResult} of a finished run from its book, tallies and equity curves. */
final class Results {

    private Results() {
    }

    static BacktestResult of(Backtest backtest, Backtest.Outcome outcome, String venue) {
        List<StrategyResult> results = new ArrayList<>();
        backtest.tallies().forEach((id, tally) -> results.add(strategy(backtest, outcome, id, tally)));
        return new BacktestResult(backtest.settings().from(), backtest.settings().to(), outcome.ticksRead(),
                outcome.ticksUsed(), outcome.firstTick(), outcome.lastTick(), venue, Ratios.FORMULA, results);
    }

    private static StrategyResult strategy(Backtest backtest, Backtest.Outcome outcome, StrategyId id,
                                           StrategyTally t) {
        PortfolioView view = backtest.view(id, outcome.lastTick());
        EquityCurve curve = backtest.curves().get(id);
        EquityCurve.Drawdown dd = curve.deepest();
        List<Double> returns = curve.dailyReturns();
        int open = (int) view.positions().stream().filter(p -> p.quantity() != 0).count();
        return new StrategyResult(id.value(), backtest.types().get(id), Money.paise(view.startingCash()),
                Money.paise(view.cash()), Money.paise(view.totalValue()), Money.paise(view.realizedPnl()),
                Money.paise(view.unrealizedPnl()), Money.paise(view.fees()), Money.paise(view.netPnl()),
                view.netPnl().divide(view.startingCash(), 6, RoundingMode.HALF_EVEN), t.signals, t.rejected,
                t.orders, t.refusedOrders, t.fills, t.trades, t.wins, t.losses,
                t.trades == 0 ? null : fraction(t.wins, t.trades), average(t.winnings, t.wins),
                average(t.lossesTotal, t.losses), Money.paise(dd.amount()), dd.fraction(), dd.peakAt(), dd.troughAt(),
                curve.exposure(), Money.paise(curve.maxGrossExposure()), returns.size(),
                ratio(Ratios.sharpe(returns)), ratio(Ratios.sortino(returns)), open);
    }

    private static BigDecimal fraction(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal average(BigDecimal total, long count) {
        return count == 0 ? null : Money.paise(total.divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal ratio(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : new BigDecimal(Double.toString(value)).setScale(4, RoundingMode.HALF_EVEN);
    }
}
