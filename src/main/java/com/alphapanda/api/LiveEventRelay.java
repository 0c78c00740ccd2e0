package com.alphapanda.api;

import com.alphapanda.core.id.EventId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live events an instance produces itself (portfolio updates, alerts, pipeline status), for the clients of every
 * instance: each is delivered to this instance's clients at once and published on a Redis channel, from which every
 * other instance delivers it to its clients with the same id. Publishing never blocks the caller: a bounded queue
 * feeds one sender thread, and an event that does not fit is not relayed ({@code sse.events.relay.dropped}).
 * Redis pub/sub is at most once, which suits a view: the state itself is read from the API.
 */
final class LiveEventRelay implements LiveEvents, MessageListener, AutoCloseable {

    static final String CHANNEL = "alpha-panda.live-events";

    private static final Logger log = LoggerFactory.getLogger(LiveEventRelay.class);
    private static final int QUEUE_CAPACITY = 1_000;

    private final LiveEventHub hub;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final String instanceId;
    private final ThreadPoolExecutor sender;
    private final Counter dropped;

    LiveEventRelay(LiveEventHub hub, StringRedisTemplate redis, JsonMapper json, String instanceId,
                   MeterRegistry meters) {
        this.hub = hub;
        this.redis = redis;
        this.json = json;
        this.instanceId = instanceId;
        this.dropped = Counter.builder("sse.events.relay.dropped")
                .description("Live events not relayed to other instances (relay queue full)").register(meters);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                r -> Thread.ofPlatform().daemon().name("live-event-relay").unstarted(r),
                (task, executor) -> dropped.increment());
    }

    @Override
    public void publish(String name, Object data) {
        String id = EventId.next().asString();
        hub.deliver(id, name, data);
        sender.execute(() -> send(id, name, data));
    }

    private void send(String id, String name, Object data) {
        try {
            ObjectNode message = json.createObjectNode();
            message.put("id", id).put("origin", instanceId).put("name", name);
            message.set("data", json.valueToTree(data));
            redis.convertAndSend(CHANNEL, json.writeValueAsString(message));
        } catch (DataAccessException | JacksonException e) {
            dropped.increment();
            log.debug("Live event {} not relayed: {}", name, e.toString());
        }
    }

    /** An event relayed by an instance: delivered here unless this instance published it. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            JsonNode event = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            if (!instanceId.equals(event.path("origin").asString())) {
                hub.deliver(event.path("id").asString(), event.path("name").asString(), event.path("data"));
            }
        } catch (JacksonException e) {
            log.debug("Unreadable relayed live event skipped: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
