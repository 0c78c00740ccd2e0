package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator asks the venue to cancel a working order: who asked, why and when. The venue answers with an
 * {@link OrderFailed} of reason code {@code CANCELLED} for the unfilled remainder, or nothing when the order is no
 * longer working.
 */
public record CancelOrder(
        String orderId,
        StrategyId strategyId,
        InstrumentToken instrumentToken,
        String requestedBy,
        String reason,
        Instant timestamp) implements OrderCommand {

    public CancelOrder {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(requestedBy, "requested_by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }
}
