package com.alphapanda.risk;

/** The position after the signal (current position from fills ± quantity) must stay within the maximum size. */
final class MaxPositionSizeRule implements RiskRule {

    @Override
    public String name() {
        return "MaxPositionSize";
    }

    @Override
    public RuleResult check(RiskContext c) {
        long after = Math.abs(c.quantityAfter());
        long max = c.limits().maxPositionSize();
        if (after > max && !c.reducesExposure()) {
            return RuleResult.fail(name(), "MAX_POSITION_SIZE", "Position size " + after + " exceeds maximum " + max);
        }
        return RuleResult.pass(name());
    }
}
