package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A configured strategy at run time: its definition, its logic and one state slot per configured instrument. The slot
 * map is fixed at construction (so it is safe to read from several consumer threads); each slot is only touched by
 * the thread consuming its instrument's partition. A slot remembers the last tick it saw: a tick redelivered after a
 * rolled-back transaction yields the same result again without being folded into the indicators twice.
 *
 * @param <S> the strategy's per-instrument state
 */
final class StrategyInstance<S> {

    private final StrategyDefinition definition;
    private final Strategy<S> strategy;
    private final SignalValidator validator;
    private final Map<InstrumentToken, Slot<S>> slots;

    private StrategyInstance(StrategyDefinition definition, Strategy<S> strategy, SignalValidator validator,
                             Map<InstrumentToken, Slot<S>> slots) {
        this.definition = definition;
        this.strategy = strategy;
        this.validator = validator;
        this.slots = slots;
    }

    static <S> StrategyInstance<S> create(StrategyDefinition definition, Strategy<S> strategy,
                                          SignalValidator validator) {
        Map<InstrumentToken, Slot<S>> slots = new HashMap<>();
        definition.instruments().forEach(token -> slots.put(token, new Slot<>(strategy.newState())));
        return new StrategyInstance<>(definition, strategy, validator, slots);
    }

    /** The same logic and states under a new definition (instruments, brokers or activity changed). */
    StrategyInstance<S> reconfigured(StrategyDefinition newDefinition) {
        Map<InstrumentToken, Slot<S>> kept = new HashMap<>();
        newDefinition.instruments().forEach(token -> kept.put(token,
                slots.containsKey(token) ? slots.get(token) : new Slot<>(strategy.newState())));
        return new StrategyInstance<>(newDefinition, strategy, validator, kept);
    }

    StrategyDefinition definition() {
        return definition;
    }

    SignalValidator validator() {
        return validator;
    }

    /** Evaluates a tick of one of this strategy's instruments. */
    Optional<StrategySignal> evaluate(EventId tickId, MarketTick tick) {
        Slot<S> slot = slots.get(tick.instrumentToken());
        if (slot == null) {
            return Optional.empty();
        }
        if (tickId.equals(slot.lastTick)) {
            return slot.lastResult;
        }
        Optional<StrategySignal> result = strategy.evaluate(tick, slot.state);
        slot.lastTick = tickId;
        slot.lastResult = result;
        return result;
    }

    /** How many of an instrument's latest in-session ticks determine its state ({@link Strategy#stateTicks()}). */
    int stateTicks() {
        return strategy.stateTicks();
    }

    /**
     * Forgets the instrument's state (its partition was revoked, or is about to be rebuilt): the next tick starts from
     * a fresh state. Called by the thread consuming the instrument's partition, or before any thread does.
     */
    void reset(InstrumentToken token) {
        Slot<S> slot = slots.get(token);
        if (slot != null) {
            slot.state = strategy.newState();
            slot.lastTick = null;
            slot.lastResult = Optional.empty();
        }
    }

    /**
     * One instrument's state and the last tick folded into it. Volatile: after a rebalance, another consumer thread of
     * this instance may own the instrument's partition.
     */
    private static final class Slot<S> {
        volatile S state;
        volatile EventId lastTick;
        volatile Optional<StrategySignal> lastResult = Optional.empty();

        Slot(S state) {
            this.state = state;
        }
    }
}
