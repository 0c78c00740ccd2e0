package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.streaming.Envelopes;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Kite's order updates, from a KiteTicker text frame ({@code {"type": "order", "data": {...}}}) or a postback (the
 * order JSON with {@code checksum} = SHA-256(order_id + order_timestamp + api_secret)). An update only says which of
 * our orders changed: the broker then reads the order and its trades from Kite, and the database's unique trade id
 * makes a fill reported by both paths count once.
 */
public final class ZerodhaOrderUpdates {

    static final int MAX_BODY = 64 * 1024;

    private final ZerodhaBroker broker;
    private final String apiSecret;

    ZerodhaOrderUpdates(ZerodhaBroker broker, String apiSecret) {
        this.broker = broker;
        this.apiSecret = apiSecret;
    }

    /** A postback whose checksum does not verify, or that is not an order update. */
    public static final class RefusedPostbackException extends RuntimeException {
        RefusedPostbackException(String message) {
            super(message);
        }
    }

    /** The events of an authenticated postback; a {@link RefusedPostbackException} when it is not one. */
    public List<Envelope<OrderEvent>> onPostback(String body) {
        JsonNode order = parse(body).orElseThrow(() -> new RefusedPostbackException("not an order JSON object"));
        String orderId = order.path("order_id").asString("");
        String timestamp = order.path("order_timestamp").asString("");
        if (orderId.isBlank() || apiSecret == null || !KiteChecksums.matches(
                KiteChecksums.postback(orderId, timestamp, apiSecret), order.path("checksum").asString(null))) {
            throw new RefusedPostbackException("the postback's checksum does not verify");
        }
        return envelopes(broker.onOrderUpdate(orderId));
    }

    /** The events of a KiteTicker text frame; other frame types (errors, messages) cause none. */
    List<Envelope<OrderEvent>> onTextFrame(String frame) {
        return parse(frame).filter(json -> "order".equals(json.path("type").asString(null)))
                .map(json -> json.path("data").path("order_id").asString(""))
                .filter(id -> !id.isBlank())
                .map(id -> envelopes(broker.onOrderUpdate(id)))
                .orElse(List.of());
    }

    static List<Envelope<OrderEvent>> envelopes(List<OrderEvent> events) {
        return events.stream().map(e -> (Envelope<OrderEvent>) Envelopes.<OrderEvent, OrderEvent>root(
                ZerodhaTradingEngine.topicOf(e), e, ZerodhaTradingEngine.SOURCE)).toList();
    }

    private static Optional<JsonNode> parse(String text) {
        if (text == null || text.length() > MAX_BODY) {
            return Optional.empty();
        }
        try {
            JsonNode json = KiteHttp.JSON.readTree(text);
            return json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
