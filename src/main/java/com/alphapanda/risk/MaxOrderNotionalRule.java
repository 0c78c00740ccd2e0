package com.alphapanda.risk;

import java.math.BigDecimal;

/**
 * quantity × price (the signal's, else the last tick's) must not exceed the maximum order notional; an operator's
 * reduction (a flatten) always passes.
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
        BigDecimal max = c.limits().maxOrderNotional();
        if (notional.compareTo(max) > 0) {
            return RuleResult.fail(name(), "MAX_ORDER_NOTIONAL", "Order notional " + notional.toPlainString()
                    + " exceeds maximum " + max.toPlainString());
        }
        return RuleResult.pass(name());
    }
}
