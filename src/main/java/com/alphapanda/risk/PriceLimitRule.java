package com.alphapanda.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The signal's price may deviate from the tick price as of the signal's event time by at most the band. Passes when
 * the signal has no price or no tick has been seen for the instrument, as the reference does.
 */
final class PriceLimitRule implements RiskRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return "PriceLimit";
    }

    @Override
    public RuleResult check(RiskContext c) {
        BigDecimal last = c.lastPrice();
        if (c.signal().price() == null || last == null || last.signum() == 0) {
            return RuleResult.pass(name());
        }
        BigDecimal deviationPercent = c.signal().price().value().subtract(last).abs()
                .multiply(HUNDRED).divide(last, 10, RoundingMode.HALF_EVEN);
        BigDecimal band = c.limits().priceBandPercent();
        if (deviationPercent.compareTo(band) > 0) {
            return RuleResult.fail(name(), "PRICE_LIMIT", "Price deviation " + percent(deviationPercent)
                    + " exceeds limit " + percent(band));
        }
        return RuleResult.pass(name());
    }

    private static String percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
