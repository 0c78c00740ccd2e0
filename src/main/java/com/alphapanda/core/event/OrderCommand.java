package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;

/**
 * An operator's command to a broker's venue about one of its orders; travels on {@code {broker}.orders.commands},
 * keyed {@code strategyId:instrumentToken} like the order's own events, so it is ordered with them.
 */
public sealed interface OrderCommand extends EventPayload permits CancelOrder {

    String orderId();

    StrategyId strategyId();

    InstrumentToken instrumentToken();

    @Override
    default String partitionKey() {
        return TradingSignal.partitionKey(strategyId(), instrumentToken());
    }
}
