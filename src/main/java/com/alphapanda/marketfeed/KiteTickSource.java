package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kite} tick source: KiteTicker over WebSocket, up to 3000 instruments per connection (and at most 3
 * connections, Kite's limit per API key). Each connection reconnects with exponential back-off (doubling from
 * {@code reconnectInitial} to {@code reconnectMax}, reset once data flows again) and restores every instrument's
 * mode; a connection silent for {@code silentTimeout} is dropped and reopened. Without a Kite session it waits and
 * retries on the same back-off.
 */
final class KiteTickSource implements TickSource {

    static final int MAX_CONNECTIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(KiteTickSource.class);

    /** Connection settings. */
    record Settings(Duration connectTimeout, Duration silentTimeout, Duration reconnectInitial,
                    Duration reconnectMax, int batchSize) {
    }

    private final KiteTickerAccess access;
    private final KiteTextFrames texts;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<KiteSubscriptions> connections = new ArrayList<>();
    private final List<KiteTickerConnection> live = new ArrayList<>();
    private final Counter malformed;
    private final Counter reconnects;

    KiteTickSource(List<InstrumentToken> tokens, MarketTick.TickMode mode, KiteTickerAccess access,
                   KiteTextFrames texts, Settings settings, Clock clock, MeterRegistry meters) {
        if (tokens.size() > MAX_CONNECTIONS * KiteSubscriptions.MAX_PER_CONNECTION) {
            throw new IllegalArgumentException("KiteTicker carries at most " + MAX_CONNECTIONS * KiteSubscriptions
                    .MAX_PER_CONNECTION + " instruments (3 connections of 3000); " + tokens.size() + " configured");
        }
        this.access = access;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
        this.malformed = Counter.builder("kite_ticker_malformed_packets_total")
                .description("KiteTicker packets that could not be decoded and were skipped").register(meters);
        this.reconnects = Counter.builder("kite_ticker_reconnects_total")
                .description("KiteTicker reconnections (dropped, failed or silent connections)").register(meters);
        for (int from = 0; from < tokens.size(); from += KiteSubscriptions.MAX_PER_CONNECTION) {
            KiteSubscriptions subscriptions = new KiteSubscriptions(settings.batchSize());
            subscriptions.subscribe(tokens.subList(from, Math.min(tokens.size(),
                    from + KiteSubscriptions.MAX_PER_CONNECTION)), mode);
            connections.add(subscriptions);
        }
    }

    @Override
    public String name() {
        return "kite";
    }

    @Override
    public void run(TickSink sink) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            KiteSubscriptions subscriptions = connections.get(i);
            String name = "kite-ticker-" + (i + 1);
            threads.add(Thread.ofVirtual().name(name).start(() -> runConnection(name, subscriptions, sink)));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }

    /** Changes the mode of instruments already subscribed (applied now, and restored after a reconnect). */
    void mode(List<InstrumentToken> tokens, MarketTick.TickMode mode) {
        for (int i = 0; i < connections.size(); i++) {
            List<String> messages = connections.get(i).mode(tokens, mode);
            KiteTickerConnection connection = i < live.size() ? live.get(i) : null;
            if (connection != null) {
                connection.send(messages);
            }
        }
    }

    private void runConnection(String name, KiteSubscriptions subscriptions, TickSink sink) {
        Duration backoff = settings.reconnectInitial();
        String lastReason = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                KiteTickerAccess.Access current = access.access();
                if (current.uri() == null) {
                    if (!current.reason().equals(lastReason)) {
                        log.warn("{}: not connecting to KiteTicker: {}", name, current.reason());
                        lastReason = current.reason();
                    }
                } else {
                    lastReason = null;
                    KiteTickerConnection connection = new KiteTickerConnection(subscriptions, sink, texts, clock,
                            malformed);
                    register(subscriptions, connection);
                    KiteTickerConnection.Ended ended = connection.run(http, current.uri(), settings.connectTimeout(),
                            settings.silentTimeout());
                    reconnects.increment();
                    backoff = ended.receivedAny() ? settings.reconnectInitial() : backoff;
                    log.warn("{}: KiteTicker connection ended ({}); reconnecting in {}", name, ended.why(), backoff);
                }
                Thread.sleep(backoff.toMillis());
                backoff = doubled(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void register(KiteSubscriptions subscriptions, KiteTickerConnection connection) {
        int index = connections.indexOf(subscriptions);
        while (live.size() <= index) {
            live.add(null);
        }
        live.set(index, connection);
    }

    private Duration doubled(Duration backoff) {
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : next;
    }
}
