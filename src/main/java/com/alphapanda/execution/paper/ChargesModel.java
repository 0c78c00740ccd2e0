package com.alphapanda.execution.paper;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The charges of one fill, rounded to paise (2 decimals, half up) per fill as a contract note does. {@code rate} is an
 * upper bound of the charges as a fraction of the notional, used to size what cash can buy.
 */
sealed interface ChargesModel permits CommissionCharges, IndianEquityCharges {

    BigDecimal feesFor(SignalType side, long quantity, BigDecimal price);

    BigDecimal rate(SignalType side);

    static BigDecimal toPaise(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
