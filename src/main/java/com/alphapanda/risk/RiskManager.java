package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.portfolio.PortfolioQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The risk manager: judges each raw signal against every rule with the strategy's real exposure (positions and day
 * PnL from the fills ledger, tick prices as of the signal's event time, the day's validated count, the broker's
 * trading state) and records the decision before it is published. Judging at the signal's event time (never with a
 * newer tick the price reader happens to have read) makes a decision the same at any replay speed and after a
 * restart. Exposure is per broker; nothing is shared between brokers. The judging itself is {@link SignalJudge},
 * which the backtester runs too.
 */
final class RiskManager {

    static final String SOURCE = "risk_manager";

    /** How long a signal waits for the tick reader to reach its event time (it is normally there already). */
    static final Duration PRICE_PATIENCE = Duration.ofSeconds(5);
    /** A tick reader without a new tick for this long has read everything there is. */
    static final Duration TICKS_IDLE = Duration.ofMillis(500);

    /** A decision and the topic it goes to. */
    record Decision(Topic<RiskDecisionEvent> topic, Envelope<? extends RiskDecisionEvent> envelope) {
    }

    private final SignalJudge judge;
    private final LastTickPrices lastPrices;
    private final RiskDecisionStore decisions;
    private final NseCalendar calendar;
    private final MeterRegistry meters;

    RiskManager(RiskRules rules, RiskProperties properties, PortfolioQueries portfolios, RiskDecisionStore decisions,
                LastTickPrices lastPrices, TradingStates tradingStates, NseCalendar calendar, MeterRegistry meters) {
        this.judge = new SignalJudge(rules, properties, portfolios, lastPrices, tradingStates::of);
        this.lastPrices = lastPrices;
        this.decisions = decisions;
        this.calendar = calendar;
        this.meters = meters;
    }

    Decision decide(Broker broker, Envelope<?> cause, TradingSignal signal) {
        var recorded = decisions.find(cause.id());
        if (recorded.isPresent()) {
            return toDecision(broker, recorded.get());
        }
        lastPrices.awaitTicksUpTo(signal.instrumentToken(), signal.timestamp(), PRICE_PATIENCE, TICKS_IDLE);
        LocalDate tradeDate = calendar.tradingDate(signal.timestamp());
        RiskRules.Verdict verdict = judge.judge(context(broker, signal, tradeDate));
        RiskDecisionEvent event = SignalJudge.decision(signal, verdict);
        Topic<RiskDecisionEvent> topic = verdict.passed() ? Topics.signalsValidated(broker)
                : Topics.signalsRejected(broker);
        Decision decision = new Decision(topic, Envelopes.child(topic, event, SOURCE, cause));
        if (!decisions.record(cause.id(), broker, signal.strategyId(), tradeDate, verdict.passed(),
                decision.envelope())) {
            return toDecision(broker, decisions.find(cause.id()).orElseThrow());
        }
        count(broker, verdict);
        return decision;
    }

    RiskContext context(Broker broker, TradingSignal signal, LocalDate tradeDate) {
        return judge.context(broker, signal, decisions.validatedOn(broker, signal.strategyId(), tradeDate), tradeDate);
    }

    private static Decision toDecision(Broker broker, Envelope<? extends RiskDecisionEvent> envelope) {
        return switch (envelope.payload()) {
            case ValidatedSignal v -> new Decision(Topics.signalsValidated(broker), envelope);
            case RejectedSignal r -> new Decision(Topics.signalsRejected(broker), envelope);
        };
    }

    private void count(Broker broker, RiskRules.Verdict verdict) {
        meters.counter("risk_decisions_total", "broker", broker.id(),
                "outcome", verdict.passed() ? "validated" : "rejected").increment();
        verdict.reasonCodes().forEach(code -> meters.counter("risk_rejections_total", "broker", broker.id(),
                "reason", code).increment());
    }
}
