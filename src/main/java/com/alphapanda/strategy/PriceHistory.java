package com.alphapanda.strategy;

import java.math.BigDecimal;

/** A read-only view of the most recent prices of one instrument, oldest first, the current tick's price last. */
public interface PriceHistory {

    int size();

    /** The price at {@code index}: 0 is the oldest kept, {@code size() - 1} the newest. */
    BigDecimal get(int index);

    default BigDecimal newest() {
        return get(size() - 1);
    }
}
