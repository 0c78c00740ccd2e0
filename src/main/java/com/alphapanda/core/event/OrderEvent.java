package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;

/**
 * The life of an order at a broker; travels on {@code {broker}.orders.submitted|filled|failed}, keyed
 * {@code strategyId:instrumentToken} so that every event of one strategy's instrument stays in order.
 */
public sealed interface OrderEvent extends EventPayload permits OrderSubmitted, OrderFilled, OrderFailed {

    String orderId();

    StrategyId strategyId();

    InstrumentToken instrumentToken();

    @Override
    default String partitionKey() {
        return TradingSignal.partitionKey(strategyId(), instrumentToken());
    }
}
