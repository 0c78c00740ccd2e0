package com.alphapanda.backtest;

import com.alphapanda.execution.paper.PaperTradingProperties;
import com.alphapanda.risk.RiskProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a backtest runs with: the IST trading dates to include (inclusive; null: unbounded), the starting cash of
 * every strategy (the venue's and the portfolio's), the paper venue's model and the risk limits.
 */
public record BacktestSettings(LocalDate from, LocalDate to, BigDecimal startingCash, PaperTradingProperties venue,
                               RiskProperties risk) {

    public BacktestSettings {
        Objects.requireNonNull(startingCash, "starting cash");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(risk, "risk");
        if (startingCash.signum() <= 0) {
            throw new IllegalArgumentException("--cash must be positive, was " + startingCash.toPlainString());
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("empty range: --from " + from + " is after --to " + to);
        }
    }

    boolean includes(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
