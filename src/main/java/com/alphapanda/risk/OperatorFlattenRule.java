package com.alphapanda.risk;

/**
 * An operator's signal (a flatten) must reduce the current position without crossing zero: if the position changed
 * since the operator asked (already flat, or smaller), the flatten is rejected instead of opening a new position.
 * A strategy's signal always passes.
 */
final class OperatorFlattenRule implements RiskRule {

    @Override
    public String name() {
        return "OperatorFlatten";
    }

    @Override
    public RuleResult check(RiskContext c) {
        if (c.signal().operator() == null || c.reducesExposure()) {
            return RuleResult.pass(name());
        }
        return RuleResult.fail(name(), "FLATTEN_NOT_REDUCING", "Operator flatten of " + c.signal().quantity().value()
                + " does not reduce the position " + c.currentQuantity() + " of strategy "
                + c.signal().strategyId().value());
    }
}
