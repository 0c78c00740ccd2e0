package com.alphapanda.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy has in flight at a broker as one signal sees it: the remaining quantity of its validated signals
 * not yet filled, failed, cancelled or expired in the signal's instrument, per side, and the notional of all its
 * in-flight signals (every instrument) per side, at the price each was judged with (unknown prices count 0).
 */
record InFlight(long buyQuantity, long sellQuantity, BigDecimal buyNotional, BigDecimal sellNotional) {

    static final InFlight NONE = new InFlight(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    InFlight {
        if (buyQuantity < 0 || sellQuantity < 0) {
            throw new IllegalArgumentException("in-flight quantities are not negative");
        }
        Objects.requireNonNull(buyNotional, "buyNotional");
        Objects.requireNonNull(sellNotional, "sellNotional");
    }

    boolean isEmpty() {
        return buyQuantity == 0 && sellQuantity == 0;
    }
}
