package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalEvent;
import com.alphapanda.core.event.TickPosition;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.NseCalendar;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates each tick against the strategies trading its instrument and publishes their signals to
 * {@code {broker}.signals.raw} for every target broker that is enabled, as children of the tick (same correlation
 * id, causation = the tick's id). Only ticks whose event time is in the regular NSE session are evaluated (pre-open
 * auction prices, weekends, holidays and off-hours are skipped), so a replay of a past day behaves as that day did.
 * Called from the tick listener, inside its Kafka transaction; the evaluation itself is {@link StrategyEvaluation}, which
 * the backtester runs too.
 */
final class StrategyRunner {

    static final String SOURCE = "strategy_runner";

    private final StrategyEvaluation evaluation;
    private final Set<Broker> enabledBrokers;
    private final EventPublisher publisher;
    private final StrategyRunnerMetrics metrics;
    private final Map<Broker, Topic<SignalEvent>> topics = new EnumMap<>(Broker.class);

    StrategyRunner(StrategyRoster roster, NseCalendar calendar, Set<Broker> enabledBrokers, EventPublisher publisher,
                   StrategyRunnerMetrics metrics) {
        this.evaluation = new StrategyEvaluation(roster::interestedIn, calendar, new StrategyEvaluation.Observer() {
            @Override
            public void error(String strategyId) {
                metrics.error(strategyId);
            }

            @Override
            public void invalid(String strategyId) {
                metrics.invalid(strategyId);
            }
        });
        this.enabledBrokers = Set.copyOf(enabledBrokers);
        this.publisher = publisher;
        this.metrics = metrics;
        for (Broker broker : Broker.values()) {
            topics.put(broker, Topics.signalsRaw(broker));
        }
    }

    /** A tick read at {@code position} of {@code market.ticks}: its signals carry that position. */
    void onTick(Envelope<? extends MarketTick> envelope, TickPosition position) {
        long started = System.nanoTime();
        StrategyEvaluation.Outcome outcome = evaluation.onTick(envelope.id(), envelope.payload(),
                (instance, signal) -> publish(instance.definition(), signal.withSourceTick(position), envelope));
        switch (outcome) {
            case OUTSIDE_SESSION -> metrics.outsideSession();
            case UNROUTED -> metrics.unrouted();
            case EVALUATED -> metrics.evaluated(System.nanoTime() - started);
        }
    }

    private void publish(StrategyDefinition definition, TradingSignal signal, Envelope<?> cause) {
        for (Broker broker : definition.targetBrokers()) {
            if (enabledBrokers.contains(broker)) {
                Topic<SignalEvent> topic = topics.get(broker);
                publisher.publish(topic, Envelopes.child(topic, signal, SOURCE, cause));
                metrics.signal(definition.id().value(), broker, signal.signalType());
            }
        }
    }
}
