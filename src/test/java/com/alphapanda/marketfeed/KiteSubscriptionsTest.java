package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** KiteTicker subscription messages: batches, modes, unsubscribe, the 3000-instrument cap, restore. */
class KiteSubscriptionsTest {

    private static List<InstrumentToken> tokens(long from, long count) {
        return LongStream.range(from, from + count).mapToObj(InstrumentToken::of).toList();
    }

    @Test
    void subscribeAndModeMessagesAreSentInBatches() {
        KiteSubscriptions subscriptions = new KiteSubscriptions(2);

        assertThat(subscriptions.subscribe(tokens(1, 3), MarketTick.TickMode.QUOTE)).containsExactly(
                "{\"a\":\"subscribe\",\"v\":[1,2]}", "{\"a\":\"subscribe\",\"v\":[3]}",
                "{\"a\":\"mode\",\"v\":[\"quote\",[1,2]]}", "{\"a\":\"mode\",\"v\":[\"quote\",[3]]}");
    }

    @Test
    void unsubscribedInstrumentsAreNotRestoredAndModeChangesAre() {
        KiteSubscriptions subscriptions = new KiteSubscriptions(500);
        subscriptions.subscribe(tokens(1, 3), MarketTick.TickMode.FULL);

        assertThat(subscriptions.unsubscribe(List.of(InstrumentToken.of(2))))
                .containsExactly("{\"a\":\"unsubscribe\",\"v\":[2]}");
        assertThat(subscriptions.mode(List.of(InstrumentToken.of(3), InstrumentToken.of(2)), MarketTick.TickMode.LTP))
                .containsExactly("{\"a\":\"mode\",\"v\":[\"ltp\",[3]]}");
        assertThat(subscriptions.restore()).containsExactly("{\"a\":\"subscribe\",\"v\":[1,3]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[1]]}", "{\"a\":\"mode\",\"v\":[\"ltp\",[3]]}");
    }

    @Test
    void aConnectionCarriesAtMostThreeThousandInstruments() {
        KiteSubscriptions subscriptions = new KiteSubscriptions(1000);
        subscriptions.subscribe(tokens(1, 3000), MarketTick.TickMode.LTP);

        assertThat(subscriptions.restore()).hasSize(6);
        assertThatThrownBy(() -> subscriptions.subscribe(tokens(5000, 1), MarketTick.TickMode.LTP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3000");
    }
}
