package com.alphapanda.strategy;

import java.math.BigDecimal;
import java.util.Optional;

/** How a hybrid strategy combines its rules signal with its model's opinion (reference §3.2). */
public sealed interface HybridPolicy {

    Optional<StrategySignal> combine(Optional<StrategySignal> rules, Optional<StrategySignal> model);

    /**
     * Both agree → that side, confidence min(1, mean + 0.1), the larger quantity, the model's price. Otherwise a model
     * opinion with confidence ≥ {@code minModelConfidence}; otherwise the rules signal ("Rules fallback");
     * otherwise the model's opinion with confidence × 0.8.
     */
    record MajorityVote(BigDecimal minModelConfidence) implements HybridPolicy {

        private static final BigDecimal AGREEMENT_BONUS = new BigDecimal("0.1");
        private static final BigDecimal WEAK_MODEL_FACTOR = new BigDecimal("0.8");

        @Override
        public Optional<StrategySignal> combine(Optional<StrategySignal> rules, Optional<StrategySignal> model) {
            if (rules.isPresent() && model.isPresent() && rules.get().side() == model.get().side()) {
                StrategySignal r = rules.get();
                StrategySignal m = model.get();
                return Optional.of(new StrategySignal(r.side(), agreed(r, m, AGREEMENT_BONUS),
                        r.quantity().compareTo(m.quantity()) >= 0 ? r.quantity() : m.quantity(), m.price(),
                        "rules and model agree: " + r.reasoning() + "; " + m.reasoning(), m.instruction()));
            }
            if (model.isPresent() && model.get().confidence().compareTo(minModelConfidence) >= 0) {
                return model;
            }
            if (rules.isPresent()) {
                return Optional.of(rules.get().withReasoning("Rules fallback: " + rules.get().reasoning()));
            }
            return model.map(m -> m.withConfidence(m.confidence().multiply(WEAK_MODEL_FACTOR))
                    .withReasoning("weak model opinion: " + m.reasoning()));
        }
    }

    /** Only when both agree → that side, confidence min(1, mean + 0.2), the smaller quantity, the rules' price. */
    record Conservative() implements HybridPolicy {

        private static final BigDecimal AGREEMENT_BONUS = new BigDecimal("0.2");

        @Override
        public Optional<StrategySignal> combine(Optional<StrategySignal> rules, Optional<StrategySignal> model) {
            if (rules.isEmpty() || model.isEmpty() || rules.get().side() != model.get().side()) {
                return Optional.empty();
            }
            StrategySignal r = rules.get();
            StrategySignal m = model.get();
            return Optional.of(new StrategySignal(r.side(), agreed(r, m, AGREEMENT_BONUS),
                    r.quantity().compareTo(m.quantity()) <= 0 ? r.quantity() : m.quantity(), r.price(),
                    "rules and model agree (conservative): " + r.reasoning() + "; " + m.reasoning(),
                    r.instruction()));
        }
    }

    private static BigDecimal agreed(StrategySignal a, StrategySignal b, BigDecimal bonus) {
        BigDecimal mean = Decimals.divide(a.confidence().add(b.confidence()), BigDecimal.valueOf(2));
        return Decimals.clamp01(mean.add(bonus));
    }
}
