package com.alphapanda.execution;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.id.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contract every trading venue implements (paper now, Zerodha Kite later), checked by one abstract contract
 * test. Order placement is idempotent by the validated signal's event id: placing a signal id that was already
 * placed creates nothing and returns no events; an ambiguous outcome is resolved with {@link #findBySignal}, never by
 * placing again.
 * <p>
 * Every order accepted for processing is announced by an {@code OrderSubmitted}; it then ends in fills
 * ({@code OrderFilled}, one per partial execution, with unique fill ids, summing to at most the order quantity)
 * and/or an {@code OrderFailed} with a stable reason code (a refusal, a cancellation, {@code EXPIRED}).
 */
public interface BrokerGateway {

    Broker broker();

    /** Places the order of a validated signal; returns the events it produced now (none for a duplicate). */
    List<OrderEvent> place(OrderRequest request);

    /** Cancels an open order; returns its {@code OrderFailed} with reason code {@code CANCELLED}, or nothing. */
    List<OrderEvent> cancel(String orderId, Instant at);

    /** The order placed for a validated signal, if any. */
    Optional<BrokerOrder> findBySignal(EventId signalId);

    /** Orders still working (open or partially filled). */
    List<BrokerOrder> openOrders();
}
