package com.alphapanda.risk;

/**
 * One rule's verdict on one signal. {@code rule} is the key in {@code risk_checks}; a failure carries a stable
 * {@code reasonCode} and the human {@code message}.
 */
record RuleResult(String rule, boolean passed, String reasonCode, String message) {

    static RuleResult pass(String rule) {
        return new RuleResult(rule, true, null, null);
    }

    static RuleResult fail(String rule, String reasonCode, String message) {
        return new RuleResult(rule, false, reasonCode, message);
    }
}
