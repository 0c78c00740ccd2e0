package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import java.util.Optional;

/**
 * A strategy whose BUY signals without an instruction become DAY market orders with a bracket (take-profit and/or
 * stop-loss as fractions of the entry's average fill price), from the {@code take_profit_pct} and
 * {@code stop_loss_pct} parameters any strategy type accepts. SELL signals and signals with their own instruction
 * are unchanged.
 *
 * @param <S> the wrapped strategy's state
 */
final class BracketedStrategy<S> implements Strategy<S> {

    private final Strategy<S> strategy;
    private final OrderInstruction instruction;

    private BracketedStrategy(Strategy<S> strategy, OrderInstruction.Bracket bracket) {
        this.strategy = strategy;
        this.instruction = new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null, bracket);
    }

    static <S> BracketedStrategy<S> of(Strategy<S> strategy, OrderInstruction.Bracket bracket) {
        return new BracketedStrategy<>(strategy, bracket);
    }

    @Override
    public int stateTicks() {
        return strategy.stateTicks();
    }

    @Override
    public S newState() {
        return strategy.newState();
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, S state) {
        Optional<StrategySignal> signal = strategy.evaluate(tick, state);
        if (signal.isPresent() && signal.get().side() == SignalType.BUY && signal.get().instruction() == null) {
            return Optional.of(signal.get().withInstruction(instruction));
        }
        return signal;
    }
}
