package com.alphapanda.risk;

import java.math.BigDecimal;

/**
 * Once a strategy's day PnL (realized today + unrealized) has lost the limit, only exposure-reducing signals pass.
 */
final class DailyLossLimitRule implements RiskRule {

    @Override
    public String name() {
        return "DailyLossLimit";
    }

    @Override
    public RuleResult check(RiskContext c) {
        BigDecimal loss = c.dayPnl().negate();
        BigDecimal limit = c.limits().dailyLossLimit();
        if (loss.compareTo(limit) >= 0 && !c.reducesExposure()) {
            return RuleResult.fail(name(), "DAILY_LOSS_LIMIT", "Daily loss " + loss.toPlainString()
                    + " exceeds limit " + limit.toPlainString() + " for strategy " + c.signal().strategyId().value());
        }
        return RuleResult.pass(name());
    }
}
