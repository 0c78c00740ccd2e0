package com.alphapanda.operator;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.util.List;

/**
 * What an operator action sent: cancel commands to the venue and closing signals to the risk manager. Their results
 * (the {@code CANCELLED} order failure, the closing order and its fills, or a risk rejection) follow on Kafka and show
 * in {@code /api/v1/orders}, {@code /api/v1/fills} and {@code /api/v1/signals}.
 */
public record OperatorOutcome(String action, Broker broker, String requestedBy, String reason, String correlationId,
                              List<CancelSent> cancels, List<CloseSent> closes) {

    /** A cancel command: its event id and the order it cancels. */
    public record CancelSent(String eventId, String orderId, StrategyId strategyId, InstrumentToken instrumentToken) {
    }

    /** A closing signal: its event id and the position it closes. */
    public record CloseSent(String eventId, StrategyId strategyId, InstrumentToken instrumentToken, SignalType side,
                            long quantity) {
    }
}
