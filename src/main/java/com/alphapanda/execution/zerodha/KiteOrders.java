package com.alphapanda.execution.zerodha;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Kite's order endpoints, with one session's access token. */
final class KiteOrders {

    private final KiteHttp http;
    private final String accessToken;

    KiteOrders(KiteHttp http, String accessToken) {
        this.http = http;
        this.accessToken = accessToken;
    }

    String accessToken() {
        return accessToken;
    }

    /** {@code POST /orders/regular}. */
    KiteResult place(Map<String, String> form) {
        return http.post("orders/regular", form, accessToken);
    }

    /** {@code DELETE /orders/regular/:order_id}. */
    KiteResult cancel(String orderId) {
        return http.delete("orders/regular/" + orderId, accessToken);
    }

    /** The day's orders carrying {@code tag} ({@code GET /orders}); an empty result is only a proven absence. */
    Lookup<Optional<KiteOrder>> findByTag(String tag) {
        return switch (http.get("orders", accessToken)) {
            case KiteResult.Ok ok -> new Lookup.Found<>(list(ok.data()).stream()
                    .map(KiteOrder::of).filter(o -> tag.equals(o.tag())).findFirst());
            case KiteResult.Refused refused -> new Lookup.Failed<>(refused);
            case KiteResult.Ambiguous ambiguous -> new Lookup.Failed<>(ambiguous);
        };
    }

    /** The order's latest state ({@code GET /orders/:order_id}, the last history entry). */
    Lookup<KiteOrder> latest(String orderId) {
        return switch (http.get("orders/" + orderId, accessToken)) {
            case KiteResult.Ok ok when !list(ok.data()).isEmpty() ->
                    new Lookup.Found<>(KiteOrder.of(list(ok.data()).getLast()));
            case KiteResult.Ok ok -> new Lookup.Failed<>(new KiteResult.Ambiguous(KiteResult.KiteError.DATA,
                    "empty history for order " + orderId));
            case KiteResult.Refused refused -> new Lookup.Failed<>(refused);
            case KiteResult.Ambiguous ambiguous -> new Lookup.Failed<>(ambiguous);
        };
    }

    /** The order's executions ({@code GET /orders/:order_id/trades}). */
    Lookup<List<KiteTrade>> trades(String orderId) {
        return switch (http.get("orders/" + orderId + "/trades", accessToken)) {
            case KiteResult.Ok ok -> new Lookup.Found<>(list(ok.data()).stream().map(KiteTrade::of).toList());
            case KiteResult.Refused refused -> new Lookup.Failed<>(refused);
            case KiteResult.Ambiguous ambiguous -> new Lookup.Failed<>(ambiguous);
        };
    }

    private static List<JsonNode> list(JsonNode data) {
        List<JsonNode> items = new ArrayList<>();
        data.forEach(items::add);
        return items;
    }

    /** A read: found, or failed with Kite's (or the transport's) outcome. */
    sealed interface Lookup<T> {
        record Found<T>(T value) implements Lookup<T> {
        }

        record Failed<T>(KiteResult result) implements Lookup<T> {
        }
    }
}
