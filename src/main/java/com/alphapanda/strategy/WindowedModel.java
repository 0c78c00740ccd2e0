package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import java.util.Optional;

/** A signal model given a longer price history than it needs ({@code ml_config.lookback_periods}). */
record WindowedModel(SignalModel model, int requiredHistory) implements SignalModel {

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public Optional<StrategySignal> predict(MarketTick tick, PriceHistory history) {
        return model.predict(tick, history);
    }
}
