package com.alphapanda.strategy;

import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in strategy types and their parameters (reference §3.2 defaults). Builds a strategy from a type key and a
 * parameters object, or rejects it with every problem and what is allowed.
 */
final class StrategyCatalog {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private interface Factory {
        Strategy<?> create(StrategyParameters p, List<String> notes);
    }

    private final Map<String, Factory> factories = new LinkedHashMap<>();
    private final Function<String, SignalModel> models;

    /** @param models finds a signal model by {@code ml_config.model_path}; null when there is none */
    StrategyCatalog(Function<String, SignalModel> models) {
        this.models = models;
        factories.put("momentum", (p, notes) -> momentum(p));
        factories.put("mean_reversion", (p, notes) -> meanReversion(p));
        factories.put("rsi", (p, notes) -> rsi(p));
        factories.put("hybrid_momentum", (p, notes) -> hybrid(p, notes, StrategyCatalog::momentum,
                "strategies/models/momentum_model.joblib"));
        factories.put("hybrid_mean_reversion", (p, notes) -> hybrid(p, notes, StrategyCatalog::meanReversion,
                "strategies/models/mean_reversion_model.joblib"));
        factories.put("low_frequency_demo", (p, notes) -> lowFrequencyDemo(p));
    }

    List<String> types() {
        return List.copyOf(factories.keySet());
    }

    ConfiguredStrategy build(String strategyId, String type, Map<String, ?> parameters) {
        StrategyParameters p = new StrategyParameters(parameters);
        List<String> notes = new ArrayList<>();
        Strategy<?> strategy = bracketed(factory(strategyId, type).create(p, notes), p);
        SignalValidator validator = validator(p);
        p.finish(strategyId);
        return new ConfiguredStrategy(strategy, validator, notes);
    }

    /** The parameters a type accepts (nested ones as {@code name.key}) with their defaults (null: none). */
    Map<String, String> parameters(String type) {
        StrategyParameters p = new StrategyParameters(Map.of());
        bracketed(factory(type, type).create(p, new ArrayList<>()), p);
        validator(p);
        return p.defaults();
    }

    private Factory factory(String strategyId, String type) {
        Factory factory = factories.get(type);
        if (factory == null) {
            throw new InvalidStrategyException(strategyId, List.of("unknown strategy type '" + type + "' (allowed: "
                    + String.join(", ", types()) + ")"));
        }
        return factory;
    }

    /** Any type: optional {@code take_profit_pct} / {@code stop_loss_pct} bracket its BUY market orders. */
    private static Strategy<?> bracketed(Strategy<?> strategy, StrategyParameters p) {
        BigDecimal takeProfit = p.optionalFraction("take_profit_pct", BigDecimal.ONE);
        BigDecimal stopLoss = p.optionalFraction("stop_loss_pct", BigDecimal.ONE);
        if (takeProfit == null && stopLoss == null) {
            return strategy;
        }
        return BracketedStrategy.of(strategy, new OrderInstruction.Bracket(takeProfit, stopLoss));
    }

    private static SignalValidator validator(StrategyParameters p) {
        p.choice("validator", "standard", List.of("standard"));
        return new SignalValidator(p.decimal("max_confidence", "1", BigDecimal.ZERO, BigDecimal.ONE),
                p.integer("min_quantity", 1, 0, StrategyLimits.MAX_QUANTITY));
    }

    private static Strategy<?> momentum(StrategyParameters p) {
        return new MomentumStrategy(p.integer("lookback_periods", 20, 2, StrategyLimits.MAX_LOOKBACK),
                p.decimal("threshold", "0.01", BigDecimal.ZERO, StrategyLimits.MAX_FACTOR), positionSize(p));
    }

    private static Strategy<?> meanReversion(StrategyParameters p) {
        int lookback = p.integer("lookback_periods", 20, 2, StrategyLimits.MAX_LOOKBACK);
        int rsiPeriod = p.integer("rsi_period", 14, 1, StrategyLimits.MAX_RSI_PERIOD);
        BigDecimal[] levels = rsiLevels(p);
        BigDecimal width = p.decimal("bollinger_std", "2.0", BigDecimal.ZERO, StrategyLimits.MAX_FACTOR);
        return new MeanReversionStrategy(lookback, rsiPeriod, levels[0], levels[1], width, positionSize(p));
    }

    private static Strategy<?> rsi(StrategyParameters p) {
        int period = p.integer("rsi_period", 14, 1, StrategyLimits.MAX_RSI_PERIOD);
        BigDecimal[] levels = rsiLevels(p);
        return new RsiStrategy(period, levels[0], levels[1], positionSize(p));
    }

    private static BigDecimal[] rsiLevels(StrategyParameters p) {
        BigDecimal oversold = p.decimal("rsi_oversold", "30", BigDecimal.ONE, HUNDRED);
        BigDecimal overbought = p.decimal("rsi_overbought", "70", BigDecimal.ZERO, new BigDecimal("99"));
        if (oversold.compareTo(overbought) >= 0) {
            p.reject("rsi_oversold (" + oversold.toPlainString() + ") must be below rsi_overbought ("
                    + overbought.toPlainString() + ")");
        }
        return new BigDecimal[] {oversold, overbought};
    }

    private static Quantity positionSize(StrategyParameters p) {
        return Quantity.of(p.integer("position_size", 100, 1, StrategyLimits.MAX_QUANTITY));
    }

    private Strategy<?> hybrid(StrategyParameters p, List<String> notes,
                               Function<StrategyParameters, Strategy<?>> rulesFactory, String defaultModel) {
        Strategy<?> rules = rulesFactory.apply(p.nested("rules_config"));
        StrategyParameters ml = p.nested("ml_config");
        int history = ml.integer("lookback_periods", 20, 1, StrategyLimits.MAX_LOOKBACK);
        String modelPath = ml.text("model_path", defaultModel);
        HybridPolicy policy = switch (p.choice("policy_type", "majority_vote", List.of("majority_vote",
                "conservative"))) {
            case "conservative" -> new HybridPolicy.Conservative();
            default -> new HybridPolicy.MajorityVote(p.decimal("min_ml_confidence", "0.6", BigDecimal.ZERO,
                    BigDecimal.ONE));
        };
        p.decimal("min_ml_confidence", "0.6", BigDecimal.ZERO, BigDecimal.ONE);
        SignalModel model = models.apply(modelPath);
        if (model == null) {
            notes.add("no signal model named '" + modelPath + "': running on rules alone");
            return new HybridStrategy<>(rules, null, policy);
        }
        return new HybridStrategy<>(rules, new WindowedModel(model, Math.max(history, model.requiredHistory())),
                policy);
    }

    private static Strategy<?> lowFrequencyDemo(StrategyParameters p) {
        Duration interval = Duration.ofSeconds(p.integer("min_interval_seconds", 900, 1,
                StrategyLimits.MAX_INTERVAL_SECONDS));
        Integer cap = p.optionalInteger("max_daily_signals_per_instrument", 1,
                StrategyLimits.MAX_DAILY_SIGNALS);
        SignalType side = switch (p.choice("side", "auto", List.of("auto", "buy", "sell"))) {
            case "buy" -> SignalType.BUY;
            case "sell" -> SignalType.SELL;
            default -> null;
        };
        Quantity quantity = Quantity.of(p.integer("quantity", 1, 1, StrategyLimits.MAX_QUANTITY));
        return new LowFrequencyDemoStrategy(interval, cap, side, quantity);
    }
}
