package com.alphapanda.core.event;

/**
 * The risk manager's verdict on a signal; travels on {@code {broker}.signals.validated} and
 * {@code {broker}.signals.rejected}, keyed like the signal.
 */
public sealed interface RiskDecisionEvent extends EventPayload permits ValidatedSignal, RejectedSignal {

    TradingSignal originalSignal();

    @Override
    default String partitionKey() {
        return originalSignal().partitionKey();
    }
}
