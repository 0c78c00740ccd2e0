package com.alphapanda.strategy;

import com.alphapanda.core.id.StrategyId;

/** A strategy cannot be deleted while it holds positions or has resting orders: it must be flattened first. */
public class StrategyNotFlatException extends IllegalStateException {

    public StrategyNotFlatException(StrategyId id, int openPositions, int restingOrders) {
        super("strategy '" + id + "' still has " + openPositions + " open position(s) and " + restingOrders
                + " resting order(s): flatten it (close its positions, cancel its orders) before deleting it,"
                + " or disable it instead");
    }
}
