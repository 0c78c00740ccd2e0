package com.alphapanda.marketfeed;

import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One KiteTicker WebSocket session: opens it, sends the subscriptions, decodes binary frames into ticks for the sink
 * and hands text frames on, and returns when the socket closes, fails, or stays silent (no data and no heartbeat)
 * for longer than {@code silentTimeout} — the "silent socket" a half-dead connection becomes.
 */
final class KiteTickerConnection implements WebSocket.Listener {

    /** How a session ended, and whether it ever received anything. */
    record Ended(String why, boolean receivedAny) {
    }

    private final KiteSubscriptions subscriptions;
    private final TickSink sink;
    private final KiteTextFrames texts;
    private final Clock clock;
    private final Counter malformed;
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private volatile Instant lastMessage;
    private volatile boolean receivedAny;
    private volatile WebSocket socket;

    KiteTickerConnection(KiteSubscriptions subscriptions, TickSink sink, KiteTextFrames texts, Clock clock,
                         Counter malformed) {
        this.subscriptions = subscriptions;
        this.sink = sink;
        this.texts = texts;
        this.clock = clock;
        this.malformed = malformed;
    }

    Ended run(HttpClient http, URI uri, Duration connectTimeout, Duration silentTimeout) throws InterruptedException {
        try {
            socket = http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, this)
                    .get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new Ended("connection failed: " + (e.getCause() != null ? e.getCause() : e), false);
        }
        lastMessage = clock.instant();
        send(subscriptions.restore());
        while (true) {
            try {
                return new Ended(closed.get(250, TimeUnit.MILLISECONDS), receivedAny);
            } catch (TimeoutException e) {
                if (Duration.between(lastMessage, clock.instant()).compareTo(silentTimeout) > 0) {
                    socket.abort();
                    return new Ended("silent for more than " + silentTimeout + " (no data, no heartbeat)",
                            receivedAny);
                }
            } catch (ExecutionException e) {
                return new Ended("failed: " + e.getCause(), receivedAny);
            } catch (InterruptedException e) {
                socket.abort();
                throw e;
            }
        }
    }

    /** Sends subscription messages on the open socket, one at a time (a WebSocket allows one outstanding send). */
    synchronized void send(List<String> messages) {
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return; // applied from the subscriptions on the next connect
        }
        for (String message : messages) {
            ws.sendText(message, true).join();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            Instant now = clock.instant();
            touch(now);
            KiteTickParser.Frame frame = KiteTickParser.parse(binary.toByteArray(), now);
            binary.reset();
            malformed.increment(frame.malformed());
            frame.ticks().forEach(sink::offer);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            touch(clock.instant());
            String frame = text.toString();
            text.setLength(0);
            texts.onText(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        touch(clock.instant());
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete("closed by Kite (" + statusCode + (reason.isEmpty() ? "" : ": " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error: " + error);
    }

    private void touch(Instant now) {
        lastMessage = now;
        receivedAny = true;
    }
}
