package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code low_frequency_demo}: at most one signal per instrument every {@code min_interval_seconds} (default 900) of
 * event time, optionally at most {@code max_daily_signals_per_instrument} per IST trading day; {@code side} is
 * {@code auto} (BUY for even tokens, SELL for odd), {@code buy} or {@code sell}; confidence 0.5 at the tick price,
 * {@code quantity} default 1. It guarantees a few signals a day for end-to-end checks. Unlike the reference, the
 * interval and the daily reset follow the ticks' event time, not the wall clock, so replays behave like the live day.
 * Its state depends on the whole trading day ({@link Strategy#SESSION_DAY}, the default {@link #stateTicks()}).
 */
public final class LowFrequencyDemoStrategy implements Strategy<LowFrequencyDemoStrategy.State> {

    private static final BigDecimal CONFIDENCE = new BigDecimal("0.5");

    private final Duration interval;
    private final Integer dailyCap;
    private final SignalType fixedSide;
    private final Quantity quantity;

    /** @param fixedSide BUY, SELL or null for {@code auto} */
    public LowFrequencyDemoStrategy(Duration interval, Integer dailyCap, SignalType fixedSide, Quantity quantity) {
        this.interval = interval;
        this.dailyCap = dailyCap;
        this.fixedSide = fixedSide;
        this.quantity = quantity;
    }

    /** When this instrument last signalled and how often on its day. */
    public static final class State {
        Instant lastSignal;
        LocalDate day;
        int signalsToday;
    }

    @Override
    public State newState() {
        return new State();
    }

    @Override
    public Optional<StrategySignal> evaluate(MarketTick tick, State state) {
        Instant at = tick.timestamp();
        LocalDate day = at.atZone(NseCalendar.IST).toLocalDate();
        if (!day.equals(state.day)) {
            state.day = day;
            state.signalsToday = 0;
        }
        boolean intervalElapsed = state.lastSignal == null || !at.isBefore(state.lastSignal.plus(interval));
        boolean underCap = dailyCap == null || state.signalsToday < dailyCap;
        if (!intervalElapsed || !underCap) {
            return Optional.empty();
        }
        state.lastSignal = at;
        state.signalsToday++;
        SignalType side = fixedSide != null ? fixedSide
                : tick.instrumentToken().value() % 2 == 0 ? SignalType.BUY : SignalType.SELL;
        return Optional.of(new StrategySignal(side, CONFIDENCE, quantity, tick.lastPrice(),
                "low-frequency demo: one signal per " + interval.toSeconds() + " s"));
    }
}
