package com.alphapanda.risk;

/**
 * HALTED rejects every signal but an operator's reduction (a flatten); REDUCING passes only signals that reduce the
 * current position without flipping it.
 */
final class TradingStateRule implements RiskRule {

    @Override
    public String name() {
        return "TradingState";
    }

    @Override
    public RuleResult check(RiskContext c) {
        TradingStatus status = c.tradingStatus();
        String broker = c.broker().id();
        return switch (status.state()) {
            case ACTIVE -> RuleResult.pass(name());
            case HALTED -> c.operatorReduction() ? RuleResult.pass(name()) : RuleResult.fail(name(), "TRADING_HALTED",
                    "Trading halted for " + broker + ": " + status.reason());
            case REDUCING -> c.reducesExposure() ? RuleResult.pass(name())
                    : RuleResult.fail(name(), "TRADING_REDUCING", "Trading for " + broker
                    + " is reducing-only (" + status.reason() + "): signal does not reduce the position");
        };
    }
}
