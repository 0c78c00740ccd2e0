package com.alphapanda.risk;

/** A pure risk rule: judges a signal in its context, with no I/O. */
interface RiskRule {

    /** The rule's name: its key in {@code risk_checks} and the prefix of its rejection reason. */
    String name();

    RuleResult check(RiskContext context);
}
