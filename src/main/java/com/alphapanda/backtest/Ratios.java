package com.alphapanda.backtest;

import java.util.List;

/**
 * Annualized risk-adjusted returns from daily returns r₁..rₙ (risk-free rate 0, 252 trading days a year):
 * Sharpe = mean(r) / stdev(r) × √252 with the sample standard deviation (n − 1);
 * Sortino = mean(r) / downside deviation × √252 with downside deviation = √(Σ min(rᵢ, 0)² / n).
 * Null (not defined) with fewer than two days or a zero deviation. Statistics, not money: computed in
 * double.
 */
final class Ratios {

    static final String FORMULA = "Sharpe = mean(r)/stdev(r)·√252 (sample stdev, n−1); Sortino = mean(r)/"
            + "√(Σmin(r,0)²/n)·√252; r = daily return of the equity at each trading day's last sample, the first day "
            + "against the starting cash; risk-free rate 0";

    private static final double ANNUAL = Math.sqrt(252);

    private Ratios() {
    }

    static Double sharpe(List<Double> returns) {
        if (returns.size() < 2) {
            return null;
        }
        double mean = mean(returns);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double stdev = Math.sqrt(squares / (returns.size() - 1));
        return stdev == 0 ? null : mean / stdev * ANNUAL;
    }

    static Double sortino(List<Double> returns) {
        if (returns.size() < 2) {
            return null;
        }
        double squares = 0;
        for (double r : returns) {
            squares += Math.min(r, 0) * Math.min(r, 0);
        }
        double downside = Math.sqrt(squares / returns.size());
        return downside == 0 ? null : mean(returns) / downside * ANNUAL;
    }

    private static double mean(List<Double> returns) {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.size();
    }
}
