package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything the rules need to judge one signal: the signal, the limits, and the exposure of its strategy at its
 * broker built from real fills (the position in the signal's instrument, the number of open positions, the day's
 * realized + unrealized PnL, marked as of the signal's event time), what is in flight (validated signals not yet
 * filled, failed, cancelled or expired: {@link InFlight}), the validated-signal count of the IST trading day, the
 * tick price as of the signal's event time in {@code lastPrice} (null when unknown) and the broker's trading state.
 * {@code openPositions} counts the instruments held or with something in flight.
 */
record RiskContext(Broker broker, TradingSignal signal, RiskLimits limits, long currentQuantity, int openPositions,
                   long validatedToday, BigDecimal dayPnl, BigDecimal lastPrice, TradingStatus tradingStatus,
                   InFlight inFlight) {

    RiskContext {
        Objects.requireNonNull(inFlight, "inFlight");
    }

    /** A context with nothing in flight. */
    RiskContext(Broker broker, TradingSignal signal, RiskLimits limits, long currentQuantity, int openPositions,
                long validatedToday, BigDecimal dayPnl, BigDecimal lastPrice, TradingStatus tradingStatus) {
        this(broker, signal, limits, currentQuantity, openPositions, validatedToday, dayPnl, lastPrice, tradingStatus,
                InFlight.NONE);
    }

    /** The signal's quantity, signed: positive for a BUY, negative for a SELL. */
    long signedQuantity() {
        long q = signal.quantity().value();
        return signal.signalType() == SignalType.SELL ? -q : q;
    }

    private boolean buy() {
        return signal.signalType() == SignalType.BUY;
    }

    /**
     * The position before the signal if everything in flight on the signal's side fills: the filled position plus
     * the in-flight BUYs for a BUY, minus the in-flight SELLs for a SELL (the worst case in the signal's direction).
     */
    long exposureQuantity() {
        return buy() ? currentQuantity + inFlight.buyQuantity() : currentQuantity - inFlight.sellQuantity();
    }

    /** The quantity in flight on the signal's side in its instrument. */
    long inFlightQuantity() {
        return buy() ? inFlight.buyQuantity() : inFlight.sellQuantity();
    }

    long quantityAfter() {
        return exposureQuantity() + signedQuantity();
    }

    /**
     * True when the signal moves the position towards zero without crossing it. A strategy's signal is measured
     * against {@link #exposureQuantity()} (what is in flight on its side included); an operator's (a flatten, which
     * cancels the working orders first) against the filled position.
     */
    boolean reducesExposure() {
        long base = signal.operator() != null ? currentQuantity : exposureQuantity();
        long delta = signedQuantity();
        return base != 0 && delta != 0 && Long.signum(delta) != Long.signum(base)
                && Math.abs(delta) <= Math.abs(base);
    }

    /** True for an operator's signal (a flatten) that reduces the position without crossing zero. */
    boolean operatorReduction() {
        return signal.operator() != null && reducesExposure();
    }

    /** True when the strategy holds the signal's instrument or has something in flight in it. */
    boolean holdsInstrument() {
        return currentQuantity != 0 || !inFlight.isEmpty();
    }

    /** The notional in flight on the signal's side, over every instrument of the strategy. */
    BigDecimal inFlightNotional() {
        return buy() ? inFlight.buyNotional() : inFlight.sellNotional();
    }

    /** The price to judge the order at: the signal's own, else the last tick; null when neither is known. */
    BigDecimal referencePrice() {
        return signal.price() != null ? signal.price().value() : lastPrice;
    }
}
