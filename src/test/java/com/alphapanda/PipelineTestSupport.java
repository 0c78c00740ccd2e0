package com.alphapanda;

import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Publishes ticks and signals the way the market feed and the strategy runner do, and reads the REST API. */
public final class PipelineTestSupport {

    /** Tuesday 1 Dec 2026, 10:30 IST: a trading day after any wall-clock time the other tests use. */
    public static final Instant SESSION = Instant.parse("2026-12-01T05:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EventPublisher publisher;
    private final int port;

    public PipelineTestSupport(EventPublisher publisher, int port) {
        this.publisher = publisher;
        this.port = port;
    }

    /** An instrument token no other test uses. */
    public static InstrumentToken freshInstrument() {
        return InstrumentToken.of(ThreadLocalRandom.current().nextLong(10_000_000, 99_000_000));
    }

    /** A strategy id no other test uses. */
    public static StrategyId freshStrategy(String prefix) {
        return StrategyId.of(prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
    }

    public Envelope<MarketTick> tick(InstrumentToken token, String price, Instant at) {
        return publish(Topics.MARKET_TICKS, MarketTick.ltp(token, Price.of(price), at));
    }

    public Envelope<TradingSignal> signal(StrategyId strategy, InstrumentToken token, SignalType side, long quantity,
                                          String price, OrderInstruction instruction, Instant at) {
        return publish(Topics.signalsRaw(Broker.PAPER), new TradingSignal(strategy, token, side, Quantity.of(quantity),
                price == null ? null : Price.of(price), at, null, instruction, "test signal"));
    }

    public <F extends EventPayload, E extends F> Envelope<E> publish(Topic<F> topic, E payload) {
        Envelope<E> envelope = Envelopes.root(topic, payload, "test");
        publisher.publish(topic, envelope).join();
        return envelope;
    }

    public <F extends EventPayload> void publish(Topic<F> topic, Envelope<? extends F> envelope) {
        publisher.publish(topic, envelope).join();
    }

    /**
     * Makes the paper broker ACTIVE (another test on the shared servers may have left it halted) and waits until this
     * instance applies it.
     */
    public void ensurePaperTradingActive(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("UPDATE trading_state SET state = 'ACTIVE', reason = 'test set-up', changed_by = 'test', "
                + "changed_at = now() WHERE broker = 'paper' AND state <> 'ACTIVE'").update();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            for (var broker : com.alphapanda.core.json.EventJson.mapper().readTree(get("/api/v1/trading-state").body())
                    .get("items")) {
                if (broker.get("broker").asText().equals("paper")) {
                    return broker.get("appliedState").asText().equals("ACTIVE");
                }
            }
            return false;
        });
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + ApiTestClient.ADMIN_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
