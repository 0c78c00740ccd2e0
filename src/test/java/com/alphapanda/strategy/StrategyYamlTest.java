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
                - {strategy_name: invalid, strategy_type: momentum, parameters: {threshold: -1}}
                """), "t.yaml");
        List<StrategyDefinition> stored = new ArrayList<>();

        StrategyLoad.Result result = new StrategyLoad(null, new StrategyCatalog(n -> null)).load(entries, stored::add);

        assertThat(result.loaded()).containsExactly("ok");
        assertThat(stored).extracting(d -> d.id().value()).containsExactly("ok");
        assertThat(result.rejected()).hasSize(2);
        assertThat(result.rejected().get(0)).contains("allowed: momentum, mean_reversion");
        assertThat(result.rejected().get(1)).contains("parameter 'threshold' must be a number ≥ 0, was '-1'");
    }

    @Test
    void invalidYamlIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> StrategyYaml.read(new StringReader("a: [unclosed"), "bad.yaml"))
                .hasMessageStartingWith("bad.yaml is not valid YAML");
    }
}
