package com.alphapanda.backtest;

import com.alphapanda.execution.paper.IndianEquityCharges;
import com.alphapanda.execution.paper.PaperTradingProperties;
import com.alphapanda.risk.RiskCheck;
import java.math.BigDecimal;
import java.time.Duration;

/** Backtest settings of the tests: the application's paper-venue and risk defaults, 1 000 000 starting cash. */
final class BacktestFixtures {

    private BacktestFixtures() {
    }

    static PaperTradingProperties venue(BigDecimal cash) {
        return new PaperTradingProperties(new BigDecimal("0.05"), PaperTradingProperties.Charges.COMMISSION,
                new BigDecimal("0.1"), IndianEquityCharges.Product.DELIVERY, cash, null, BigDecimal.ZERO, 3, 1, null,
                BigDecimal.ZERO, null, null, null, false, Duration.ZERO, new BigDecimal("0.05"));
    }

    static BacktestSettings defaults() {
        BigDecimal cash = new BigDecimal("1000000");
        return new BacktestSettings(null, null, cash, venue(cash), RiskCheck.defaultLimits());
    }
}
