package com.alphapanda.risk;

/** When an allow-list is configured, only its instruments may be traded. */
final class InstrumentAllowListRule implements RiskRule {

    @Override
    public String name() {
        return "InstrumentAllowList";
    }

    @Override
    public RuleResult check(RiskContext c) {
        var allowed = c.limits().allowedInstruments();
        if (!allowed.isEmpty() && !allowed.contains(c.signal().instrumentToken())) {
            return RuleResult.fail(name(), "INSTRUMENT_NOT_ALLOWED",
                    "Instrument " + c.signal().instrumentToken() + " not in the allow-list");
        }
        return RuleResult.pass(name());
    }
}
