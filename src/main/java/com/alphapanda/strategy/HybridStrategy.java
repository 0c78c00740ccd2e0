package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import java.util.Optional;

/**
 * {@code hybrid_momentum} and {@code hybrid_mean_reversion}: a rules strategy and an optional {@link SignalModel}
 * evaluated on the same tick, combined by a {@link HybridPolicy}. Without a model the model's opinion is always
 * empty, so MajorityVote falls back to the rules and Conservative stays silent, exactly as the reference does.
 *
 * @param <R> the rules strategy's per-instrument state
 */
public final class HybridStrategy<R> implements Strategy<HybridStrategy.State<R>> {

    private final Strategy<R> rules;
    private final SignalModel model;
    private final HybridPolicy policy;

    /** @param model the second opinion, or null when none is configured */
    public HybridStrategy(Strategy<R> rules, SignalModel model, HybridPolicy policy) {
        this.rules = rules;
        this.model = model;
        this.policy = policy;
    }

    /** The rules' state and the price history the model reads. */
    public static final class State<R> {
        final R rules;
        final RollingWindow history;

        State(R rules, RollingWindow history) {
            this.rules = rules;
            this.history = history;
        }
    }

    /** The rules' ticks, or the model's history if longer. */
    @Override
    public int stateTicks() {
        return Math.max(rules.stateTicks(), model == null ? 0 : model.requiredHistory());
    }

    @Override
    public State<R> newState() {
        return new State<>(rules.newState(), model == null ? null : new RollingWindow(model.requiredHistory()));
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, State<R> state) {
        Optional<StrategySignal> fromRules = rules.evaluate(tick, state.rules);
        Optional<StrategySignal> fromModel = Optional.empty();
        if (model != null) {
            state.history.add(tick.lastPrice().value());
            fromModel = model.predict(tick, state.history);
        }
        return policy.combine(fromRules, fromModel);
    }
}
