package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import java.math.BigDecimal;

/**
 * Everything the rules need to judge one signal: the signal, the limits, and the exposure of its strategy at its
 * broker built from real fills (the position in the signal's instrument, the number of open positions, the day's
 * realized + unrealized PnL, marked as of the signal's event time), the validated-signal count of the IST trading
 * day, the tick price as of the signal's event time in {@code lastPrice} (null when unknown) and the broker's trading
 * state.
 */
record RiskContext(Broker broker, TradingSignal signal, RiskLimits limits, long currentQuantity, int openPositions,
                   long validatedToday, BigDecimal dayPnl, BigDecimal lastPrice, TradingStatus tradingStatus) {

    /** The signal's quantity, signed: positive for a BUY, negative for a SELL. */
    long signedQuantity() {
        long q = signal.quantity().value();
        return signal.signalType() == SignalType.SELL ? -q : q;
    }

    long quantityAfter() {
        return currentQuantity + signedQuantity();
    }

    /** True when the signal moves the position towards zero without crossing it. */
    boolean reducesExposure() {
        long delta = signedQuantity();
        return currentQuantity != 0 && delta != 0 && Long.signum(delta) != Long.signum(currentQuantity)
                && Math.abs(delta) <= Math.abs(currentQuantity);
    }

    /** True for an operator's signal (a flatten) that reduces the position without crossing zero. */
    boolean operatorReduction() {
        return signal.operator() != null && reducesExposure();
    }

    /** The price to judge the order at: the signal's own, else the last tick; null when neither is known. */
    BigDecimal referencePrice() {
        return signal.price() != null ? signal.price().value() : lastPrice;
    }
}
