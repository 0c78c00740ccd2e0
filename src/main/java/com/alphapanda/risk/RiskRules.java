package com.alphapanda.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every rule, evaluated without short-circuit: a signal is validated only if all pass. */
final class RiskRules {

    /** The verdict of all rules on one signal. */
    record Verdict(List<RuleResult> results) {

        boolean passed() {
            return results.stream().allMatch(RuleResult::passed);
        }

        /** rule name → passed, in evaluation order. */
        Map<String, Boolean> riskChecks() {
            Map<String, Boolean> checks = new LinkedHashMap<>();
            results.forEach(r -> checks.put(r.rule(), r.passed()));
            return checks;
        }

        List<String> reasonCodes() {
            return failures().stream().map(RuleResult::reasonCode).toList();
        }

        /** The reference's format: {@code "{Rule}: {reason}"} joined by {@code "; "}. */
        String rejectionReason() {
            return failures().stream().map(r -> r.rule() + ": " + r.message()).collect(Collectors.joining("; "));
        }

        private List<RuleResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }
    }

    private final List<RiskRule> rules;

    RiskRules(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    static RiskRules standard() {
        return new RiskRules(List.of(new TradingStateRule(), new InstrumentAllowListRule(), new MaxPositionSizeRule(),
                new MaxDailyTradesRule(), new PriceLimitRule(), new MaxOrderNotionalRule(), new DailyLossLimitRule(),
                new MaxOpenPositionsRule(), new OperatorFlattenRule()));
    }

    Verdict evaluate(RiskContext context) {
        return new Verdict(rules.stream().map(rule -> rule.check(context)).toList());
    }
}
