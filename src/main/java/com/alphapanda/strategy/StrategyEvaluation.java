package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-Java core of strategy evaluation, shared by the live runner and the backtester: a tick whose event time
 * is in the regular NSE session is evaluated by every strategy trading its instrument, and each valid signal becomes
 * a {@link TradingSignal} stamped with the tick's event time. A strategy that throws, or whose signal its validator
 * refuses, is reported to the observer and skipped; the others go on.
 */
final class StrategyEvaluation {

    private static final Logger log = LoggerFactory.getLogger(StrategyEvaluation.class);

    /** What happened to a tick. */
    enum Outcome {
        OUTSIDE_SESSION, UNROUTED, EVALUATED
    }

    /** Receives each signal with the instance that produced it. */
    interface Signals {
        void signal(StrategyInstance<?> instance, TradingSignal signal);
    }

    /** Told about strategies that failed or produced an invalid signal. */
    interface Observer {
        void error(String strategyId);

        void invalid(String strategyId);
    }

    private final Function<InstrumentToken, List<StrategyInstance<?>>> routing;
    private final NseCalendar calendar;
    private final Observer observer;

    StrategyEvaluation(Function<InstrumentToken, List<StrategyInstance<?>>> routing, NseCalendar calendar,
                       Observer observer) {
        this.routing = routing;
        this.calendar = calendar;
        this.observer = observer;
    }

    Outcome onTick(EventId tickId, MarketTick tick, Signals out) {
        if (calendar.phaseAt(tick.timestamp()) != MarketPhase.OPEN) {
            return Outcome.OUTSIDE_SESSION;
        }
        List<StrategyInstance<?>> interested = routing.apply(tick.instrumentToken());
        if (interested.isEmpty()) {
            return Outcome.UNROUTED;
        }
        for (StrategyInstance<?> instance : interested) {
            Optional<StrategySignal> signal = evaluate(instance, tickId, tick);
            if (signal.isPresent()) {
                out.signal(instance, toSignal(instance, signal.get(), tick));
            }
        }
        return Outcome.EVALUATED;
    }

    private Optional<StrategySignal> evaluate(StrategyInstance<?> instance, EventId tickId, MarketTick tick) {
        String id = instance.definition().id().value();
        Optional<StrategySignal> signal;
        try {
            signal = instance.evaluate(tickId, tick);
        } catch (RuntimeException e) {
            // one faulty strategy must not stop the others: counted and logged, the tick goes on
            observer.error(id);
            log.error("Strategy {} failed on tick {} of {}", id, tickId, tick.instrumentToken(), e);
            return Optional.empty();
        }
        Optional<String> problem = signal.flatMap(s -> instance.validator().problem(s));
        if (problem.isPresent()) {
            observer.invalid(id);
            log.warn("Strategy {} signal dropped: {}", id, problem.get());
            return Optional.empty();
        }
        return signal;
    }

    private static TradingSignal toSignal(StrategyInstance<?> instance, StrategySignal s, MarketTick tick) {
        return new TradingSignal(instance.definition().id(), tick.instrumentToken(), s.side(), s.quantity(),
                s.price(), tick.timestamp(), s.confidence(), s.instruction(), s.reasoning());
    }
}
