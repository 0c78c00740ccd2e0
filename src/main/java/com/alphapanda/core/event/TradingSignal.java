package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A strategy's intent to buy or sell. {@code timestamp} is the event time of the tick that caused it;
 * {@code confidence} is in [0, 1]; {@code instruction} says how to execute (null: a DAY market order);
 * {@code reasoning} is the strategy's human-readable explanation; {@code operator} is set (who and why) only on a
 * signal an operator asked for, such as a flatten; {@code sourceTick} is where the tick that caused it is on
 * {@code market.ticks} (set by the strategy runner; absent on an operator's signal and in a backtest), so that a
 * venue matches the order against exactly the ticks after it, whenever it reads the signal.
 */
public record TradingSignal(
        StrategyId strategyId,
        InstrumentToken instrumentToken,
        SignalType signalType,
        Quantity quantity,
        Price price,
        Instant timestamp,
        BigDecimal confidence,
        OrderInstruction instruction,
        String reasoning,
        OperatorRequest operator,
        TickPosition sourceTick) implements SignalEvent {

    /** A strategy's signal (no operator), its tick's position not known yet. */
    public TradingSignal(StrategyId strategyId, InstrumentToken instrumentToken, SignalType signalType,
                         Quantity quantity, Price price, Instant timestamp, BigDecimal confidence,
                         OrderInstruction instruction, String reasoning) {
        this(strategyId, instrumentToken, signalType, quantity, price, timestamp, confidence, instruction, reasoning,
                null, null);
    }

    /** A signal without a source tick (an operator's, when {@code operator} is set). */
    public TradingSignal(StrategyId strategyId, InstrumentToken instrumentToken, SignalType signalType,
                         Quantity quantity, Price price, Instant timestamp, BigDecimal confidence,
                         OrderInstruction instruction, String reasoning, OperatorRequest operator) {
        this(strategyId, instrumentToken, signalType, quantity, price, timestamp, confidence, instruction, reasoning,
                operator, null);
    }

    public TradingSignal {
        Objects.requireNonNull(strategyId, "strategy_id");
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(signalType, "signal_type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timestamp, "timestamp");
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence.toPlainString());
        }
    }

    /** The key of signals and orders: {@code strategyId:instrumentToken}. */
    public static String partitionKey(StrategyId strategyId, InstrumentToken token) {
        return strategyId.value() + ":" + token.value();
    }

    @Override
    public String partitionKey() {
        return partitionKey(strategyId, instrumentToken);
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }

    /** This signal, caused by the tick at {@code position} of {@code market.ticks}. */
    public TradingSignal withSourceTick(TickPosition position) {
        return new TradingSignal(strategyId, instrumentToken, signalType, quantity, price, timestamp, confidence,
                instruction, reasoning, operator, position);
    }

    /** The execution instruction, or a DAY market order when none was given. */
    public OrderInstruction instructionOrDefault() {
        return instruction == null ? OrderInstruction.MARKET_DAY : instruction;
    }
}
