package com.alphapanda.risk;

import java.math.BigDecimal;

/**
 * quantity × price (the signal's, else the last tick's), plus the notional the strategy already has in flight on the
 * same side (validated signals not yet filled, failed, cancelled or expired), must not exceed the maximum order
 * notional; an operator's reduction (a flatten) always passes.
 */
final class MaxOrderNotionalRule implements RiskRule {

    @Override
    public String name() {
        return "MaxOrderNotional";
    }

    @Override
    public RuleResult check(RiskContext c) {
        BigDecimal price = c.referencePrice();
        if (price == null || c.operatorReduction()) {
            return RuleResult.pass(name());
        }
        BigDecimal notional = price.multiply(BigDecimal.valueOf(c.signal().quantity().value()));
        BigDecimal inFlight = c.inFlightNotional();
        BigDecimal max = c.limits().maxOrderNotional();
        if (notional.add(inFlight).compareTo(max) > 0) {
            return RuleResult.fail(name(), "MAX_ORDER_NOTIONAL", "Order notional " + notional.toPlainString()
                    + (inFlight.signum() > 0 ? " plus " + inFlight.stripTrailingZeros().toPlainString() + " in flight" : "")
                    + " exceeds maximum " + max.toPlainString());
        }
        return RuleResult.pass(name());
    }
}
