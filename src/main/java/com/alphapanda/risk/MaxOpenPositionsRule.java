package com.alphapanda.risk;

/** A signal that opens a position in a new instrument is rejected when the strategy already holds the maximum. */
final class MaxOpenPositionsRule implements RiskRule {

    @Override
    public String name() {
        return "MaxOpenPositions";
    }

    @Override
    public RuleResult check(RiskContext c) {
        int max = c.limits().maxOpenPositions();
        if (c.currentQuantity() == 0 && c.openPositions() >= max) {
            return RuleResult.fail(name(), "MAX_OPEN_POSITIONS", "Open positions " + c.openPositions()
                    + " at maximum " + max + " for strategy " + c.signal().strategyId().value());
        }
        return RuleResult.pass(name());
    }
}
