package com.alphapanda.risk;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A strategy's in-flight validated signals at one broker (not yet filled, failed, cancelled or expired): the remaining
 * quantity per instrument and side, and the notional per side. Read once per batch and kept current as the batch
 * validates signals; one consumer thread owns it.
 */
final class WorkingOrders {

    private final Map<InstrumentToken, long[]> quantities = new HashMap<>();
    private BigDecimal buyNotional = BigDecimal.ZERO;
    private BigDecimal sellNotional = BigDecimal.ZERO;

    /** Nothing in flight. */
    static WorkingOrders none() {
        return new WorkingOrders();
    }

    /** Adds a remaining quantity in flight; {@code notional} null when its price is unknown. */
    void add(InstrumentToken token, SignalType side, long quantity, BigDecimal notional) {
        if (quantity <= 0) {
            return;
        }
        long[] both = quantities.computeIfAbsent(token, t -> new long[2]);
        BigDecimal amount = notional == null ? BigDecimal.ZERO : notional;
        if (side == SignalType.BUY) {
            both[0] += quantity;
            buyNotional = buyNotional.add(amount);
        } else {
            both[1] += quantity;
            sellNotional = sellNotional.add(amount);
        }
    }

    /** What a signal in {@code token} sees in flight. */
    InFlight of(InstrumentToken token) {
        long[] both = quantities.getOrDefault(token, new long[2]);
        return new InFlight(both[0], both[1], buyNotional, sellNotional);
    }

    /** The instruments with something in flight. */
    Set<InstrumentToken> instruments() {
        return Set.copyOf(quantities.keySet());
    }
}
