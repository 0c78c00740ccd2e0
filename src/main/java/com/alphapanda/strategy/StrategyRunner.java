package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates each tick against the strategies trading its instrument and publishes their signals to
 * {@code {broker}.signals.raw} for every target broker that is enabled, as children of the tick (same correlation
 * id, causation = the tick's id). Only ticks whose event time is in the regular NSE session are evaluated (pre-open
 * auction prices, weekends, holidays and off-hours are skipped), so a replay of a past day behaves as that day did.
 * Called from the tick listener, inside its Kafka transaction.
 */
final class StrategyRunner {

    static final String SOURCE = "strategy_runner";
    private static final Logger log = LoggerFactory.getLogger(StrategyRunner.class);

    private final StrategyRoster roster;
    private final NseCalendar calendar;
    private final Set<Broker> enabledBrokers;
    private final EventPublisher publisher;
    private final StrategyRunnerMetrics metrics;
    private final Map<Broker, Topic<SignalEvent>> topics = new EnumMap<>(Broker.class);

    StrategyRunner(StrategyRoster roster, NseCalendar calendar, Set<Broker> enabledBrokers, EventPublisher publisher,
                   StrategyRunnerMetrics metrics) {
        this.roster = roster;
        this.calendar = calendar;
        this.enabledBrokers = Set.copyOf(enabledBrokers);
        this.publisher = publisher;
        this.metrics = metrics;
        for (Broker broker : Broker.values()) {
            topics.put(broker, Topics.signalsRaw(broker));
        }
    }

    void onTick(Envelope<? extends MarketTick> envelope) {
        MarketTick tick = envelope.payload();
        if (calendar.phaseAt(tick.timestamp()) != MarketPhase.OPEN) {
            metrics.outsideSession();
            return;
        }
        List<StrategyInstance<?>> interested = roster.interestedIn(tick.instrumentToken());
        if (interested.isEmpty()) {
            metrics.unrouted();
            return;
        }
        long started = System.nanoTime();
        for (StrategyInstance<?> instance : interested) {
            evaluate(instance, envelope, tick).ifPresent(signal -> publish(instance, signal, envelope, tick));
        }
        metrics.evaluated(System.nanoTime() - started);
    }

    private Optional<StrategySignal> evaluate(StrategyInstance<?> instance, Envelope<?> envelope, MarketTick tick) {
        String id = instance.definition().id().value();
        Optional<StrategySignal> signal;
        try {
            signal = instance.evaluate(envelope.id(), tick);
        } catch (RuntimeException e) {
            // one faulty strategy must not stop the others: counted and logged, the tick goes on
            metrics.error(id);
            log.error("Strategy {} failed on tick {} of {}", id, envelope.id(), tick.instrumentToken(), e);
            return Optional.empty();
        }
        Optional<String> problem = signal.flatMap(s -> instance.validator().problem(s));
        if (problem.isPresent()) {
            metrics.invalid(id);
            log.warn("Strategy {} signal dropped: {}", id, problem.get());
            return Optional.empty();
        }
        return signal;
    }

    private void publish(StrategyInstance<?> instance, StrategySignal s, Envelope<?> cause, MarketTick tick) {
        StrategyDefinition definition = instance.definition();
        TradingSignal signal = new TradingSignal(definition.id(), tick.instrumentToken(), s.side(), s.quantity(),
                s.price(), tick.timestamp(), s.confidence(), s.instruction(), s.reasoning());
        for (Broker broker : definition.targetBrokers()) {
            if (enabledBrokers.contains(broker)) {
                Topic<SignalEvent> topic = topics.get(broker);
                publisher.publish(topic, Envelopes.child(topic, signal, SOURCE, cause));
                metrics.signal(definition.id().value(), broker, s.side());
            }
        }
    }
}
