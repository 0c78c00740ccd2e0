package com.alphapanda.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the report shows amounts: the book keeps exact decimals (fees are already in paise, a partial close carries
 * its released cost at 10 decimals); the report rounds a total to paise, half up, once, when it is written.
 */
final class Money {

    private Money() {
    }

    static BigDecimal paise(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount in paise as plain text. */
    static String plain(BigDecimal amount) {
        return paise(amount).toPlainString();
    }
}
