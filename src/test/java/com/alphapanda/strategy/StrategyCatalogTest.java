package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyCatalogTest {

    private final StrategyCatalog catalog = new StrategyCatalog(name -> null);

    @Test
    void unknownTypeIsRejectedListingTheAllowedTypes() {
        assertThatThrownBy(() -> catalog.build("s1", "MomentumProcessor", Map.of()))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 's1' rejected: unknown strategy type 'MomentumProcessor' (allowed: momentum, "
                        + "mean_reversion, rsi, hybrid_momentum, hybrid_mean_reversion, low_frequency_demo)");
    }

    @Test
    void invalidParameterValuesAreAllReportedWithWhatIsAllowed() {
        assertThatThrownBy(() -> catalog.build("s1", "momentum",
                Map.of("lookback_periods", -3, "threshold", "abc")))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("parameter 'lookback_periods' must be a whole number from 2 to 5000, was '-3'")
                .hasMessageContaining("parameter 'threshold' must be a number ≥ 0 and ≤ 10, was 'abc'");
    }

    @Test
    void unknownParameterIsRejectedListingTheAllowedNames() {
        assertThatThrownBy(() -> catalog.build("s1", "rsi", Map.of("rsi_perod", 14)))
                .hasMessageContaining("unknown parameter 'rsi_perod' (allowed: rsi_period, rsi_oversold, "
                        + "rsi_overbought, position_size, take_profit_pct, stop_loss_pct, validator, max_confidence, "
                        + "min_quantity)");
    }

    @Test
    void bracketParametersTurnBuySignalsIntoBracketedMarketOrdersAndLeaveSellsAlone() {
        var built = catalog.build("m", "momentum", Map.of("lookback_periods", 2, "threshold", "0.01",
                "take_profit_pct", "0.02", "stop_loss_pct", "0.03"));
        @SuppressWarnings("unchecked")
        Strategy<Object> strategy = (Strategy<Object>) built.strategy();
        Object state = strategy.newState();
        var token = InstrumentToken.of(1);
        var t0 = Instant.parse("2026-01-05T04:00:00Z");
        strategy.evaluate(MarketTick.ltp(token, Price.of(new BigDecimal("100")), t0), state);
        var buy = strategy.evaluate(MarketTick.ltp(token, Price.of(new BigDecimal("102")), t0.plusSeconds(1)), state)
                .orElseThrow();
        var sell = strategy.evaluate(MarketTick.ltp(token, Price.of(new BigDecimal("99")), t0.plusSeconds(2)), state)
                .orElseThrow();
        assertThat(buy.instruction().bracket())
                .isEqualTo(new OrderInstruction.Bracket(new BigDecimal("0.02"), new BigDecimal("0.03")));
        assertThat(buy.instruction().orderType()).isEqualTo(OrderType.MARKET);
        assertThat(sell.side()).isEqualTo(SignalType.SELL);
        assertThat(sell.instruction()).isNull();
    }

    @Test
    void aBracketFractionOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> catalog.build("m", "momentum", Map.of("stop_loss_pct", "1.5")))
                .hasMessageContaining("parameter 'stop_loss_pct' must be a number > 0 and ≤ 1, was '1.5'");
    }

    @Test
    void nestedHybridParametersAreCheckedToo() {
        assertThatThrownBy(() -> catalog.build("h", "hybrid_momentum", Map.of("rules_config",
                Map.of("treshold", 0.1), "policy_type", "unanimous")))
                .hasMessageContaining("unknown parameter 'rules_config.treshold'")
                .hasMessageContaining("parameter 'policy_type' must be one of majority_vote, conservative");
    }

    @Test
    void oversoldMustBeBelowOverbought() {
        assertThatThrownBy(() -> catalog.build("m", "mean_reversion",
                Map.of("rsi_oversold", 80, "rsi_overbought", 70)))
                .hasMessageContaining("rsi_oversold (80) must be below rsi_overbought (70)");
    }

    @Test
    void referenceTemplateParametersBuildEveryType() {
        assertThat(catalog.build("a", "momentum", Map.of("lookback_periods", 20, "threshold",
                new BigDecimal("0.012"), "position_size", 100)).strategy()).isInstanceOf(MomentumStrategy.class);
        assertThat(catalog.build("b", "mean_reversion", Map.of()).strategy()).isInstanceOf(MeanReversionStrategy.class);
        assertThat(catalog.build("c", "rsi", Map.of()).strategy()).isInstanceOf(RsiStrategy.class);
        assertThat(catalog.build("d", "low_frequency_demo", Map.of("min_interval_seconds", 900,
                "max_daily_signals_per_instrument", 16, "quantity", 1)).strategy())
                .isInstanceOf(LowFrequencyDemoStrategy.class);
        ConfiguredStrategy hybrid = catalog.build("e", "hybrid_mean_reversion", Map.of("policy_type",
                "conservative", "min_ml_confidence", new BigDecimal("0.7"), "rules_config", Map.of("rsi_period", 14)));
        assertThat(hybrid.strategy()).isInstanceOf(HybridStrategy.class);
        assertThat(hybrid.notes()).singleElement().asString().contains("running on rules alone");
    }
}
