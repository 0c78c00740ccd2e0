package com.alphapanda.strategy;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy (or a signal model) decides for one tick: the side, a confidence in [0, 1], the quantity, the
 * reference price, a human-readable reason and, optionally, how to execute (null: a DAY market order).
 */
public record StrategySignal(SignalType side, BigDecimal confidence, Quantity quantity, Price price,
                             String reasoning, OrderInstruction instruction) {

    public StrategySignal {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (side == SignalType.HOLD) {
            throw new IllegalArgumentException("HOLD is not a signal: return no signal instead");
        }
    }

    public StrategySignal(SignalType side, BigDecimal confidence, Quantity quantity, Price price, String reasoning) {
        this(side, confidence, quantity, price, reasoning, null);
    }

    StrategySignal withConfidence(BigDecimal value) {
        return new StrategySignal(side, value, quantity, price, reasoning, instruction);
    }

    StrategySignal withInstruction(OrderInstruction value) {
        return new StrategySignal(side, confidence, quantity, price, reasoning, value);
    }

    StrategySignal withReasoning(String value) {
        return new StrategySignal(side, confidence, quantity, price, value, instruction);
    }
}
