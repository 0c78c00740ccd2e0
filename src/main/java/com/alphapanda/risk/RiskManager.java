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
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The risk manager: judges each raw signal against every rule with the strategy's real exposure (positions and day
 * PnL from the fills ledger, tick prices as of the signal's event time, the day's validated count, the broker's
 * trading state, and what is in flight: validated signals not yet filled, failed, cancelled or expired) and records
 * the decision before it is published. Judging at the signal's event time (never with a
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
    private final BatchExposure exposure;
    private final RiskDecisionStore decisions;
    private final MeterRegistry meters;

    RiskManager(RiskRules rules, RiskProperties properties, BatchExposure exposure, RiskDecisionStore decisions,
                LastTickPrices lastPrices, TradingStates tradingStates, MeterRegistry meters) {
        this.judge = new SignalJudge(rules, properties, exposure, lastPrices, tradingStates::of, exposure::working);
        this.lastPrices = lastPrices;
        this.exposure = exposure;
        this.decisions = decisions;
        this.meters = meters;
    }

    /**
     * Decides a signal in the batch's database transaction: the first signal of a transaction locks the batch's
     * strategies and reads their exposure ({@link BatchExposure}); the decision is held for the batch's multi-row
     * write ({@link RiskDecisionStore#flush}) and counted at once towards the rest of the batch.
     */
    Decision decide(Broker broker, Envelope<?> cause, TradingSignal signal) {
        BatchSnapshot.Planned planned = exposure.planned(cause.id(), broker, signal.strategyId(), signal.timestamp());
        BatchSnapshot snapshot = exposure.snapshotFor(planned);
        var recorded = snapshot.decision(cause.id());
        if (recorded.isPresent()) {
            return toDecision(broker, recorded.get());
        }
        lastPrices.awaitTicksUpTo(signal.instrumentToken(), signal.timestamp(), PRICE_PATIENCE, TICKS_IDLE);
        LocalDate tradeDate = planned.tradeDate();
        RiskContext context = judge.context(broker, signal,
                exposure.validatedOn(broker, signal.strategyId(), tradeDate), tradeDate);
        RiskRules.Verdict verdict = judge.judge(context);
        RiskDecisionEvent event = SignalJudge.decision(signal, verdict);
        Topic<RiskDecisionEvent> topic = verdict.passed() ? Topics.signalsValidated(broker)
                : Topics.signalsRejected(broker);
        Decision decision = new Decision(topic, Envelopes.child(topic, event, SOURCE, cause));
        BigDecimal price = context.referencePrice();
        decisions.record(new RiskDecisionStore.Row(cause.id(), broker, tradeDate, verdict.passed(), signal, price,
                decision.envelope()));
        long quantity = signal.quantity().value();
        snapshot.decided(planned, decision.envelope(), signal.instrumentToken(), signal.signalType(), quantity,
                price == null ? null : price.multiply(BigDecimal.valueOf(quantity)), verdict.passed());
        count(broker, verdict);
        return decision;
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
