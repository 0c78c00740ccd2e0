package com.alphapanda.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperatorEventsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void anOperatorSignalCarriesWhoAndWhyOnTheWireAndBack() {
        TradingSignal flatten = new TradingSignal(SampleEvents.STRATEGY, SampleEvents.RELIANCE, SignalType.SELL,
                Quantity.of(10), null, SampleEvents.T0, null, OrderInstruction.MARKET_DAY, "Operator flatten",
                new OperatorRequest("alice", "end of test"));
        byte[] bytes = codec.encode(Envelopes.root(Topics.signalsRaw(Broker.PAPER), flatten, "operator"));

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"operator\":{\"requested_by\":\"alice\",\"reason\":\"end of test\"}");
        assertThat(codec.decode(bytes, SignalEvent.class).payload()).isEqualTo(flatten);
    }

    @Test
    void aStrategySignalHasNoOperatorMember() {
        byte[] bytes = codec.encode(Envelopes.root(Topics.signalsRaw(Broker.PAPER), SampleEvents.signal(), "s"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("operator");
        assertThat(((TradingSignal) codec.decode(bytes, SignalEvent.class).payload()).operator()).isNull();
    }

    @Test
    void aCancelCommandIsKeyedLikeTheOrderItCancels() {
        CancelOrder cancel = (CancelOrder) SampleEvents.sample(EventType.CANCEL_ORDER);
        assertThat(cancel.partitionKey()).isEqualTo("momentum_1:738561");
        assertThat(Topics.orderCommands(Broker.PAPER).name()).isEqualTo("paper.orders.commands");
    }
}
