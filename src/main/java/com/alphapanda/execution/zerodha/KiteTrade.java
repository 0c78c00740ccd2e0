package com.alphapanda.execution.zerodha;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** One execution of an order as Kite reports it ({@code GET /orders/:id/trades}). */
record KiteTrade(String tradeId, String orderId, long quantity, BigDecimal averagePrice, String fillTimestamp) {

    static KiteTrade of(JsonNode json) {
        return new KiteTrade(json.path("trade_id").asString(""), json.path("order_id").asString(""),
                json.path("quantity").asLong(0), json.path("average_price").decimalValue(),
                json.path("fill_timestamp").asString(json.path("exchange_timestamp").asString("")));
    }
}
