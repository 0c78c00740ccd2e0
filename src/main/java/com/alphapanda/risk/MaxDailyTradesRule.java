package com.alphapanda.risk;

/**
 * At most N validated signals per strategy per IST trading day; the count resets with the trading date. An operator's
 * reduction (a flatten) always passes: the cap must not keep a position open.
 */
final class MaxDailyTradesRule implements RiskRule {

    @Override
    public String name() {
        return "MaxDailyTrades";
    }

    @Override
    public RuleResult check(RiskContext c) {
        int max = c.limits().maxDailyTrades();
        if (c.validatedToday() >= max && !c.operatorReduction()) {
            return RuleResult.fail(name(), "MAX_DAILY_TRADES",
                    "Daily trade limit " + max + " exceeded for strategy " + c.signal().strategyId().value());
        }
        return RuleResult.pass(name());
    }
}
