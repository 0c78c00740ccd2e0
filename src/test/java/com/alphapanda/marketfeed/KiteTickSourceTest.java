package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code kite} tick source against a local fake KiteTicker: subscriptions, frames, reconnects, watchdog. */
class KiteTickSourceTest {

    private static final InstrumentToken A = InstrumentToken.of(738561);
    private static final InstrumentToken B = InstrumentToken.of(81153);
    private static final InstrumentToken C = InstrumentToken.of(2953217);

    private FakeKiteTicker ticker;
    private Thread feed;
    private final List<MarketTick> ticks = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<KiteTickerAccess.Access> access = new AtomicReference<>();

    private final TickSink sink = new TickSink() {
        @Override
        public boolean offer(MarketTick tick) {
            return ticks.add(tick);
        }

        @Override
        public boolean offer(MarketTick tick, Duration maxWait) {
            return ticks.add(tick);
        }
    };

    @BeforeEach
    void startTicker() throws Exception {
        ticker = new FakeKiteTicker("tickkey", "ticktoken");
        access.set(KiteTickerAccess.Access.of(ticker.url(), "tickkey", "ticktoken"));
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) {
            feed.interrupt();
            feed.join(5000);
        }
        ticker.close();
    }

    private KiteTickSource start(List<InstrumentToken> tokens, int batchSize, Duration silentTimeout) {
        KiteTickSource source = new KiteTickSource(tokens, MarketTick.TickMode.FULL, access::get, texts::add,
                new KiteTickSource.Settings(Duration.ofSeconds(5), silentTimeout, Duration.ofMillis(100),
                        Duration.ofSeconds(1), batchSize), Clock.systemUTC(), meters);
        feed = Thread.ofVirtual().start(() -> {
            try {
                source.run(sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return source;
    }

    @Test
    void subscribesInBatchesThenDecodesTicksAndHandsTextFramesOn() throws Exception {
        start(List.of(A, B, C), 2, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticker.connections().isEmpty()
                && ticker.latest().received.size() == 4);

        assertThat(ticker.latest().received).containsExactly(
                "{\"a\":\"subscribe\",\"v\":[738561,81153]}", "{\"a\":\"subscribe\",\"v\":[2953217]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[738561,81153]]}", "{\"a\":\"mode\",\"v\":[\"full\",[2953217]]}");

        ticker.sendBinary(new KiteFrames().packet(KiteFrames.ltp(738561, 250_050)).frame());
        ticker.sendText("{\"type\":\"order\",\"data\":{\"order_id\":\"1\"}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> ticks.size() == 1 && texts.size() == 1);
        assertThat(ticks.getFirst().lastPrice()).isEqualTo(Price.of("2500.50"));
        assertThat(texts.getFirst()).contains("\"order_id\":\"1\"");
    }

    @Test
    void reconnectsAfterADroppedConnectionAndRestoresEachInstrumentsMode() throws Exception {
        KiteTickSource source = start(List.of(A, B), 500, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticker.connections().isEmpty()
                && ticker.latest().received.size() == 2);
        source.mode(List.of(B), MarketTick.TickMode.LTP);
        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.latest().received.size() == 3);

        ticker.dropLatest();

        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.connections().size() == 2
                && ticker.latest().received.size() == 3);
        assertThat(ticker.latest().received).containsExactly("{\"a\":\"subscribe\",\"v\":[738561,81153]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[738561]]}", "{\"a\":\"mode\",\"v\":[\"ltp\",[81153]]}");
        assertThat(meters.counter("kite_ticker_reconnects_total").count()).isGreaterThanOrEqualTo(1);
        ticker.sendBinary(new KiteFrames().packet(KiteFrames.ltp(81153, 700_000)).frame());
        await().atMost(Duration.ofSeconds(10)).until(() -> ticks.size() == 1);
    }

    @Test
    void aSilentSocketIsDroppedAndReopenedAfterTheSilentTimeout() {
        start(List.of(A), 500, Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.connections().size() == 1);

        ticker.fallSilent();

        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.connections().size() == 2
                && ticker.latest().received.size() == 2);
        assertThat(ticker.latest().received).contains("{\"a\":\"mode\",\"v\":[\"full\",[738561]]}");
    }

    @Test
    void malformedFramesAreCountedAndTheFeedKeepsRunning() throws Exception {
        start(List.of(A), 500, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.connections().size() == 1);

        ticker.sendBinary(new KiteFrames().packet(ByteBuffer.allocate(13)).frame());
        ticker.sendBinary(new byte[] {0, 5, 0, 8});
        ticker.sendBinary(new KiteFrames().packet(KiteFrames.ltp(738561, 100)).frame());

        await().atMost(Duration.ofSeconds(10)).until(() -> ticks.size() == 1);
        assertThat(meters.counter("kite_ticker_malformed_packets_total").count()).isEqualTo(6);
    }

    @Test
    void withoutASessionItWaitsAndConnectsOnceOneExists() {
        KiteTickerAccess.Access later = access.get();
        access.set(KiteTickerAccess.Access.unavailable("no Kite session"));
        start(List.of(A), 500, Duration.ofSeconds(5));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> ticker.connections().isEmpty());
        access.set(later);

        await().atMost(Duration.ofSeconds(10)).until(() -> ticker.connections().size() == 1);
    }
}
