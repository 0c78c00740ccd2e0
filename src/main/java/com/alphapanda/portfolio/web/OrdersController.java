package com.alphapanda.portfolio.web;

import com.alphapanda.core.json.EventJson;
import com.alphapanda.portfolio.OrderQueries;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/orders?broker=&strategy=&limit=}: recent orders, newest first, with their status (open,
 * partially_filled, filled, cancelled, expired, failed with reason code and message) and their fills.
 */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrdersController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final OrderQueries orders;

    OrdersController(OrderQueries orders) {
        this.orders = orders;
    }

    @GetMapping
    ResponseEntity<String> orders(@RequestParam(required = false) String broker,
                                  @RequestParam(required = false) String strategy,
                                  @RequestParam(required = false) String limit) {
        int parsedLimit = limit(limit);
        var result = orders.recent(Optional.ofNullable(broker).map(WebParameters::broker),
                Optional.ofNullable(strategy).map(WebParameters::strategy), parsedLimit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(EventJson.mapper().writeValueAsString(Map.of("orders", result)));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + value + "'");
    }
}
