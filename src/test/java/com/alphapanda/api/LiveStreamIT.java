package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import com.alphapanda.SseTestClient;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.ControllableControlListener;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Server-Sent Events: fills arrive live, a stalled client is dropped without delaying anyone, resume works. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class LiveStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    LiveEvents liveEvents;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConcurrentMessageListenerContainer<String, byte[]> liveStreamContainer;

    @Test
    void aClientReceivesEachFillWithinASecondOfIt() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !liveStreamContainer.getAssignedPartitions().isEmpty());
        List<Long> latenciesMillis = new ArrayList<>();
        try (SseTestClient client = new SseTestClient(port, null)) {
            for (int i = 0; i < 5; i++) {
                String fillId = "fill-" + UUID.randomUUID();
                OrderFilled fill = new OrderFilled("ord-" + i, fillId, StrategyId.of("sse_test"),
                        InstrumentToken.of(738561), SignalType.BUY, Quantity.of(10), Price.of("2500.5"),
                        Money.of("2.50"), Instant.now());
                long sent = System.nanoTime();
                publisher.publish(Topics.ordersFilled(Broker.PAPER), Envelopes.root(Topics.ordersFilled(Broker.PAPER),
                        fill, "test")).join();
                await().atMost(Duration.ofSeconds(10)).until(() -> client.events.stream()
                        .anyMatch(e -> e.name().equals("fill") && e.data().contains(fillId)));
                SseTestClient.Event received = client.events.stream().filter(e -> e.data().contains(fillId)).findFirst()
                        .orElseThrow();
                latenciesMillis.add((received.receivedAtNanos() - sent) / 1_000_000);
            }
            // the portfolio manager applies the fills and the monitoring evaluates the pipeline: both are streamed
            await().atMost(Duration.ofSeconds(30)).until(() -> client.events.stream()
                    .anyMatch(e -> e.name().equals("portfolio") && e.data().contains("sse_test")));
            await().atMost(Duration.ofSeconds(30)).until(() -> client.events.stream()
                    .anyMatch(e -> e.name().equals("pipeline")));
        }
        List<Long> sorted = latenciesMillis.stream().sorted().toList();
        System.out.println("SSE fill latencies (ms): " + latenciesMillis);
        assertThat(sorted.get(sorted.size() / 2)).as("median fill-to-client latency, ms").isLessThan(1000);
    }

    @Test
    void aStalledClientIsDroppedWithoutDelayingThePipelineOrOtherClients() throws Exception {
        double droppedBefore = meters.get("sse.clients.dropped").counter().count();
        try (Socket stalled = new Socket("localhost", port); SseTestClient healthy = new SseTestClient(port, null)) {
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ApiTestClient.ADMIN_TOKEN + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush(); // ...and never read a byte
            Thread.sleep(500);

            String padding = "x".repeat(16_000);
            long publishNanos = 0;
            for (int batch = 0; batch < 60; batch++) {
                long start = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    liveEvents.publish(LiveEvents.PIPELINE, Map.of("seq", batch * 50 + i, "padding", padding));
                }
                publishNanos += System.nanoTime() - start;
                int last = batch * 50 + 49;
                // the healthy client keeps up; the stalled one's socket fills, then its queue
                await().atMost(Duration.ofSeconds(30)).until(() -> healthy.events.stream()
                        .anyMatch(e -> e.data().contains("\"seq\":" + last + ",") || e.data().endsWith("\"seq\":" + last + "}")));
            }
            assertThat(publishNanos / 1_000_000).as("3000 publishes never wait for a client, ms").isLessThan(5_000);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    meters.get("sse.clients.dropped").counter().count() > droppedBefore);
        }
    }

    @Test
    void aReconnectingClientResumesAfterItsLastEventId() throws Exception {
        String lastId;
        try (SseTestClient client = new SseTestClient(port, null)) {
            liveEvents.publish(LiveEvents.ALERT, Map.of("n", "before"));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.events.stream()
                    .anyMatch(e -> e.data().contains("before")));
            lastId = client.events.getLast().id();
        }
        liveEvents.publish(LiveEvents.ALERT, Map.of("n", "missed-1"));
        liveEvents.publish(LiveEvents.ALERT, Map.of("n", "missed-2"));
        try (SseTestClient resumed = new SseTestClient(port, lastId)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.events.size() >= 2);
            assertThat(resumed.events.get(0).data()).contains("missed-1");
            assertThat(resumed.events.get(1).data()).contains("missed-2");
            assertThat(EventId.parse(resumed.events.get(0).id())).isGreaterThan(EventId.parse(lastId));
            assertThat(EventId.parse(resumed.events.get(1).id())).isGreaterThan(EventId.parse(resumed.events.get(0).id()));
        }
    }
}
