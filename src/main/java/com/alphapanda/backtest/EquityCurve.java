package com.alphapanda.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's equity (cash + positions at their marks) sampled at the close of every event-time minute with
 * ticks, its running drawdown from the peak, the share of samples with an open position (exposure) and the equity at
 * the close of each trading day (the last sample of the day), from which daily returns are taken. Memory grows with
 * the minutes covered, not with the ticks.
 */
final class EquityCurve {

    /** One sample: when, the equity and the drawdown below the running peak (≥ 0). */
    record Point(Instant at, BigDecimal equity, BigDecimal drawdown) {
    }

    /**
     * The deepest drawdown: amount, fraction of the peak, the peak's and the trough's sample times (a peak that is the
     * starting cash has the first sample's time).
     */
    record Drawdown(BigDecimal amount, BigDecimal fraction, Instant peakAt, Instant troughAt) {
    }

    private final BigDecimal start;
    private final List<Point> points = new ArrayList<>();
    private final List<BigDecimal> dayCloses = new ArrayList<>();
    private BigDecimal peak;
    private Instant peakAt;
    private Drawdown deepest;
    private LocalDate day;
    private BigDecimal lastEquity;
    private long inMarket;
    private BigDecimal maxGross = BigDecimal.ZERO;

    EquityCurve(BigDecimal start) {
        this.start = start;
        this.peak = start;
        this.deepest = new Drawdown(BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    }

    void sample(Instant at, LocalDate date, BigDecimal equity, BigDecimal grossExposure) {
        if (day != null && !day.equals(date)) {
            dayCloses.add(lastEquity);
        }
        day = date;
        lastEquity = equity;
        if (peakAt == null || equity.compareTo(peak) > 0) {
            peak = peak.max(equity); // the starting cash is the first peak: a fall below it is a drawdown
            peakAt = at;
        }
        BigDecimal drawdown = peak.subtract(equity);
        if (drawdown.compareTo(deepest.amount()) > 0) {
            deepest = new Drawdown(drawdown, drawdown.divide(peak, 6, RoundingMode.HALF_EVEN), peakAt, at);
        }
        points.add(new Point(at, equity, drawdown));
        if (grossExposure.signum() != 0) {
            inMarket++;
        }
        maxGross = maxGross.max(grossExposure);
    }

    List<Point> points() {
        return points;
    }

    Drawdown deepest() {
        return deepest;
    }

    /** The share of samples with an open position, in [0, 1]. */
    BigDecimal exposure() {
        return points.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(inMarket).divide(BigDecimal.valueOf(points.size()), 6, RoundingMode.HALF_EVEN);
    }

    BigDecimal maxGrossExposure() {
        return maxGross;
    }

    /** The daily returns: close_d / close_(d−1) − 1, the first day against the starting cash. */
    List<Double> dailyReturns() {
        List<BigDecimal> closes = new ArrayList<>(dayCloses);
        if (lastEquity != null) {
            closes.add(lastEquity);
        }
        List<Double> returns = new ArrayList<>();
        BigDecimal previous = start;
        for (BigDecimal close : closes) {
            returns.add(close.divide(previous, 12, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE).doubleValue());
            previous = close;
        }
        return returns;
    }
}
