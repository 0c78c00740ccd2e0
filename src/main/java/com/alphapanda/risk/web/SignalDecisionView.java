package com.alphapanda.risk.web;

import com.alphapanda.core.money.Amounts;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.money.Price;
import com.alphapanda.risk.RiskDecisionQueries.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A strategy's signal and the risk manager's decision on it; decimals as strings. */
record SignalDecisionView(
        @Schema(description = "id of the raw trading_signal event") String signalId,
        @Schema(description = "id of the validated_signal / rejected_signal event") String decisionId,
        String correlationId,
        String broker,
        String strategyId,
        long instrumentToken,
        @Schema(description = "BUY or SELL") String side,
        long quantity,
        String price,
        String confidence,
        String reasoning,
        @Schema(description = "event time of the signal (its tick)") Instant signalTime,
        @Schema(description = "validated or rejected") String outcome,
        Long validatedQuantity,
        String validatedPrice,
        @Schema(description = "the failed rules' messages (rejected only)") String rejectionReason,
        @Schema(description = "stable codes of the failed rules") List<String> reasonCodes,
        @Schema(description = "each rule's name and whether it passed") Map<String, Boolean> riskChecks,
        Instant decidedAt) {

    static SignalDecisionView of(Decision decision) {
        RiskDecisionEvent event = decision.envelope().payload();
        return switch (event) {
            case ValidatedSignal v -> view(decision, v.originalSignal(), "validated", v.validatedQuantity().value(),
                    plain(v.validatedPrice()), null, List.of(), v.riskChecks());
            case RejectedSignal r -> view(decision, r.originalSignal(), "rejected", null, null,
                    r.rejectionReason(), r.reasonCodes(), r.riskChecks());
        };
    }

    private static SignalDecisionView view(Decision d, TradingSignal s, String outcome, Long validatedQuantity,
                                           String validatedPrice, String reason, List<String> codes,
                                           Map<String, Boolean> checks) {
        var envelope = d.envelope();
        return new SignalDecisionView(envelope.causationId() == null ? null : envelope.causationId().asString(),
                envelope.id().asString(), envelope.correlationId(), d.broker().id(), s.strategyId().value(),
                s.instrumentToken().value(), s.signalType().name(), s.quantity().value(), plain(s.price()),
                Amounts.text(s.confidence()), s.reasoning(), s.timestamp(), outcome,
                validatedQuantity, validatedPrice, reason, codes, checks, d.decidedAt());
    }

    private static String plain(Price price) {
        return Amounts.text(price);
    }

}
