package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;

/** The reference's model: a flat commission of {@code percent} % of the notional (default 0.1 %). */
record CommissionCharges(BigDecimal percent) implements ChargesModel {

    @Override
    public BigDecimal feesFor(SignalType side, long quantity, BigDecimal price) {
        return ChargesModel.toPaise(price.multiply(BigDecimal.valueOf(quantity)).multiply(rate(side)));
    }

    @Override
    public BigDecimal rate(SignalType side) {
        return percent.movePointLeft(2);
    }
}
