package com.alphapanda.portfolio.web;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.portfolio.OrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orders?broker=&strategy=&working=&page=&size=}: orders, newest first, with their status (open,
 * partially_filled, filled, cancelled, expired, failed with reason code and message) and their fills.
 */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrdersController {

    private final OrderQueries orders;

    OrdersController(OrderQueries orders) {
        this.orders = orders;
    }

    @Operation(summary = "Orders, newest first, with status and fills")
    @GetMapping
    ApiPage<OrderQueries.OrderView> orders(
            @Parameter(description = "paper or zerodha") @RequestParam(required = false) String broker,
            @Parameter(description = "strategy id") @RequestParam(required = false) String strategy,
            @Parameter(description = "true: only the orders still working (open or partially_filled)",
                    schema = @Schema(type = "boolean")) @RequestParam(required = false) String working,
            @Parameter(description = "page from 0") @RequestParam(required = false) String page,
            @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.parse(page, size);
        var b = Optional.ofNullable(broker).map(WebParameters::broker);
        var s = Optional.ofNullable(strategy).map(WebParameters::strategy);
        boolean w = working(working);
        return ApiPage.of(orders.recent(b, s, w, request.offset(), request.size()), request,
                orders.countOrders(b, s, w));
    }

    private static boolean working(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("working must be true or false, was '" + value + "'");
        };
    }
}
