package com.alphapanda.risk;

/**
 * The position after the signal must stay within the maximum size: the filled position plus what is in flight on
 * the signal's side (validated signals not yet filled, failed, cancelled or expired) ± the signal's quantity.
 */
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
            long inFlight = c.inFlightQuantity();
            return RuleResult.fail(name(), "MAX_POSITION_SIZE", "Position size " + after
                    + (inFlight > 0 ? " (" + inFlight + " in flight)" : "") + " exceeds maximum " + max);
        }
        return RuleResult.pass(name());
    }
}
