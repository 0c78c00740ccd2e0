package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.StrategyId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyRosterTest {

    private final StrategyRoster roster = new StrategyRoster(new StrategyCatalog(name -> null));

    private static StrategyStore.Row row(String id, String type, Map<String, Object> parameters, List<Broker> brokers) {
        return new StrategyStore.Row(id, new StrategyDefinition(StrategyId.of(id), type, List.of(Ticks.TOKEN),
                parameters, true, brokers), null);
    }

    private static final Map<String, Object> MOMENTUM = Map.of("lookback_periods", 2, "threshold", "0.005");

    private Optional<StrategySignal> tick(int second, String price) {
        StrategyInstance<?> instance = roster.interestedIn(Ticks.TOKEN).getFirst();
        return instance.evaluate(EventId.next(), Ticks.at(second, price));
    }

    @Test
    void aRejectedStrategyDoesNotStopTheOthers() {
        StrategyRoster.Report report = roster.apply(List.of(
                row("bad-type", "MeanReversionProcessor", Map.of(), List.of(Broker.PAPER)),
                row("good", "momentum", MOMENTUM, List.of(Broker.PAPER)),
                row("bad-param", "rsi", Map.of("rsi_period", 0), List.of(Broker.PAPER)),
                new StrategyStore.Row("broken-row", null, "strategy 'broken-row' rejected: bad token")));

        assertThat(report.active()).isEqualTo(1);
        assertThat(report.rejected()).hasSize(3);
        assertThat(roster.interestedIn(Ticks.TOKEN)).extracting(i -> i.definition().id().value())
                .containsExactly("good");
    }

    @Test
    void indicatorStateSurvivesAReloadWithUnchangedParameters() {
        roster.apply(List.of(row("m", "momentum", MOMENTUM, List.of(Broker.PAPER))));
        tick(0, "100");

        roster.apply(List.of(row("m", "momentum", MOMENTUM, List.of(Broker.PAPER, Broker.ZERODHA))));

        assertThat(tick(1, "101")).isPresent();
        assertThat(roster.interestedIn(Ticks.TOKEN).getFirst().definition().targetBrokers())
                .containsExactly(Broker.PAPER, Broker.ZERODHA);
    }

    @Test
    void changedParametersStartFromFreshState() {
        roster.apply(List.of(row("m", "momentum", MOMENTUM, List.of(Broker.PAPER))));
        tick(0, "100");

        roster.apply(List.of(row("m", "momentum", Map.of("lookback_periods", 2, "threshold", "0.006"),
                List.of(Broker.PAPER))));

        assertThat(tick(1, "101")).isEmpty();
    }

    @Test
    void aRedeliveredTickGivesTheSameResultWithoutBeingCountedTwice() {
        roster.apply(List.of(row("m", "momentum", MOMENTUM, List.of(Broker.PAPER))));
        StrategyInstance<?> instance = roster.interestedIn(Ticks.TOKEN).getFirst();
        instance.evaluate(EventId.next(), Ticks.at(0, "100"));
        EventId redelivered = EventId.next();

        Optional<StrategySignal> first = instance.evaluate(redelivered, Ticks.at(1, "101"));
        Optional<StrategySignal> again = instance.evaluate(redelivered, Ticks.at(1, "101"));

        assertThat(first).isPresent().isEqualTo(again);
        assertThat(instance.evaluate(EventId.next(), Ticks.at(2, "101"))).isEmpty(); // window is [101, 101]
    }

    @Test
    void deactivatedStrategiesStopReceivingTicks() {
        roster.apply(List.of(row("m", "momentum", MOMENTUM, List.of(Broker.PAPER))));

        roster.apply(List.of(new StrategyStore.Row("m", new StrategyDefinition(StrategyId.of("m"), "momentum",
                List.of(Ticks.TOKEN), MOMENTUM, false, List.of(Broker.PAPER)), null)));

        assertThat(roster.interestedIn(Ticks.TOKEN)).isEmpty();
    }
}
