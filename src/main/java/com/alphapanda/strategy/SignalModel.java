package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import java.util.Optional;

/**
 * A second opinion for the hybrid strategies (e.g. a trained classifier). Implementations are plain Java, must not do
 * blocking I/O per tick, and are registered as Spring beans; a hybrid strategy finds its model by
 * {@code ml_config.model_path} = {@link #name()}. With no model of that name the hybrid strategy runs on its rules
 * alone, as the reference does when its model file is missing.
 */
public interface SignalModel {

    /** The name a strategy's {@code ml_config.model_path} refers to. */
    String name();

    /** How many recent prices {@link #predict} needs (the current one included). */
    int requiredHistory();

    /** An opinion on the current tick given the recent prices of its instrument (oldest first, current last). */
    Optional<StrategySignal> predict(MarketTick tick, PriceHistory history);
}
