package com.alphapanda.risk;

/**
 * A signal in an instrument the strategy neither holds nor has in flight is rejected when the strategy already holds
 * or has in flight the maximum number of instruments.
 */
final class MaxOpenPositionsRule implements RiskRule {

    @Override
    public String name() {
        return "MaxOpenPositions";
    }

    @Override
    public RuleResult check(RiskContext c) {
        int max = c.limits().maxOpenPositions();
        if (!c.holdsInstrument() && c.openPositions() >= max) {
            return RuleResult.fail(name(), "MAX_OPEN_POSITIONS", "Open positions " + c.openPositions()
                    + " at maximum " + max + " for strategy " + c.signal().strategyId().value());
        }
        return RuleResult.pass(name());
    }
}
