package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** A strategy's cash and holdings at the paper venue, moved by its fills. */
final class PaperAccount {

    private BigDecimal cash;
    private final Map<InstrumentToken, Long> holdings = new HashMap<>();

    PaperAccount(BigDecimal startingCash) {
        this.cash = startingCash;
    }

    /** An account as stored: its cash and holdings. */
    PaperAccount(BigDecimal cash, Map<InstrumentToken, Long> holdings) {
        this.cash = cash;
        this.holdings.putAll(holdings);
    }

    /** The holdings by instrument (a copy). */
    Map<InstrumentToken, Long> holdings() {
        return Map.copyOf(holdings);
    }

    BigDecimal cash() {
        return cash;
    }

    long held(InstrumentToken token) {
        return holdings.getOrDefault(token, 0L);
    }

    void apply(InstrumentToken token, SignalType side, long quantity, BigDecimal price, BigDecimal fees) {
        BigDecimal notional = price.multiply(BigDecimal.valueOf(quantity));
        if (side == SignalType.BUY) {
            cash = cash.subtract(notional).subtract(fees);
            holdings.merge(token, quantity, Long::sum);
        } else {
            cash = cash.add(notional).subtract(fees);
            holdings.merge(token, -quantity, Long::sum);
        }
    }
}
