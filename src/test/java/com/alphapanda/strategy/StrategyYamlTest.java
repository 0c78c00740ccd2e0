package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyYamlTest {

    @Test
    void readsTheReferenceTemplateKeys() {
        List<StrategyYaml.Entry> entries = StrategyYaml.read(new StringReader("""
                strategy_name: momentum_nifty
                strategy_type: momentum
                enabled: true
                brokers: [paper, zerodha]
                instrument_tokens: [256265]
                description: ignored
                use_composition: true
                parameters:
                  lookback_periods: 20
                  threshold: 0.012
                """), "t.yaml");

        StrategyDefinition d = entries.getFirst().definition();
        assertThat(d.id().value()).isEqualTo("momentum_nifty");
        assertThat(d.targetBrokers()).containsExactly(Broker.PAPER, Broker.ZERODHA);
        assertThat(d.instruments()).containsExactly(InstrumentToken.of(256265));
        assertThat(d.parameters().get("threshold")).isEqualTo(new BigDecimal("0.012"));
    }

    @Test
    void readsDocumentsListsAndAStrategiesKeyAndReportsBadEntriesByPosition() {
        List<StrategyYaml.Entry> entries = StrategyYaml.read(new StringReader("""
                strategies:
                  - {strategy_name: a, strategy_class: rsi, instruments: [1]}
                  - {strategy_name: b, instruments: [1]}
                ---
                - {id: c, strategy_type: rsi, brokers: kite}
                - {id: d, strategy_type: rsi, colour: blue}
                """), "t.yaml");

        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).definition().type()).isEqualTo("rsi");
        assertThat(entries.get(0).definition().targetBrokers()).containsExactly(Broker.PAPER);
        assertThat(entries.get(1).problem()).isEqualTo("t.yaml entry 2 (b) rejected: strategy_type is missing");
        assertThat(entries.get(2).problem()).contains("unknown broker 'kite' (allowed: paper, zerodha)");
        assertThat(entries.get(3).problem()).contains("unknown key 'colour'");
    }

    @Test
    void loadRejectsInvalidStrategiesAndStoresTheOthers() {
        List<StrategyYaml.Entry> entries = StrategyYaml.read(new StringReader("""
                - {strategy_name: ok, strategy_type: momentum, instruments: [1]}
                - {strategy_name: unknown, strategy_type: MomentumProcessor, instruments: [1]}
                - {strategy_name: invalid, strategy_type: momentum, instruments: [1], parameters: {threshold: -1}}
                - {strategy_name: huge, strategy_type: momentum, instruments: [1], parameters: {lookback_periods: 2000000000}}
                - {strategy_name: elsewhere, strategy_type: momentum, instruments: [1, 5000]}
                - {strategy_name: nothing, strategy_type: momentum, instruments: []}
                """), "t.yaml");
        List<StrategyDefinition> stored = new ArrayList<>();

        StrategyLoad.Result result = new StrategyLoad(null, validation()).load(entries, stored::add);

        assertThat(result.loaded()).containsExactly("ok");
        assertThat(stored).extracting(d -> d.id().value()).containsExactly("ok");
        assertThat(result.rejected()).hasSize(5);
        assertThat(result.rejected().get(0)).contains("allowed: momentum, mean_reversion");
        assertThat(result.rejected().get(1)).contains("parameter 'threshold' must be a number ≥ 0 and ≤ 10, was '-1'");
        assertThat(result.rejected().get(2)).contains("parameter 'lookback_periods' must be a whole number from 2 to 5000");
        assertThat(result.rejected().get(3)).contains("instruments outside the trading universe", ": 5000");
        assertThat(result.rejected().get(4)).contains("has no instruments");
    }

    @Test
    void aStrategyWithMoreInstrumentsThanAllowedIsRejectedWhenRead() {
        String tokens = String.join(", ", java.util.stream.IntStream.rangeClosed(1, StrategyLimits.MAX_INSTRUMENTS + 1)
                .mapToObj(Integer::toString).toList());
        List<StrategyYaml.Entry> entries = StrategyYaml.read(new StringReader(
                "- {strategy_name: wide, strategy_type: momentum, instruments: [" + tokens + "]}"), "t.yaml");

        assertThat(entries.getFirst().problem()).contains("has 201 instruments, at most 200 are allowed");
    }

    @Test
    void oversizedParametersAreRejectedBeforeTheyAreRead() {
        String big = "x".repeat(StrategyLimits.MAX_PARAMETERS_BYTES);
        List<StrategyYaml.Entry> entries = StrategyYaml.read(new StringReader(
                "- {strategy_name: fat, strategy_type: momentum, instruments: [1], parameters: {note: " + big + "}}"),
                "t.yaml");

        StrategyLoad.Result result = new StrategyLoad(null, validation()).load(entries, d -> { });

        assertThat(result.rejected().getFirst()).contains("parameters of", "at most 16384 are allowed");
    }

    /** A universe of tokens 1 to 1000. */
    private static StrategyValidation validation() {
        return new StrategyValidation(new StrategyCatalog(n -> null),
                tokens -> tokens.stream().filter(t -> t.value() > 1000).toList());
    }

    @Test
    void invalidYamlIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> StrategyYaml.read(new StringReader("a: [unclosed"), "bad.yaml"))
                .hasMessageStartingWith("bad.yaml is not valid YAML");
    }
}
