package com.alphapanda.portfolio.web;

import com.alphapanda.portfolio.OrderQueries;
import com.alphapanda.portfolio.OrderQueries.LedgerFill;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/fills?broker=&strategy=&limit=}: the most recent fills of the ledger, newest first. */
@RestController
class FillsController {

    private final OrderQueries orders;

    FillsController(OrderQueries orders) {
        this.orders = orders;
    }

    /** One fill; amounts as decimal strings. */
    record FillView(String fillId, String orderId, String broker, String strategyId, long instrumentToken,
                    @Schema(description = "BUY or SELL") String side, long quantity, String price, String fees,
                    @Schema(description = "realized P&L of this fill") String realizedPnl,
                    @Schema(description = "event time of the fill") Instant timestamp,
                    @Schema(description = "when the portfolio applied it") Instant appliedAt) {

        static FillView of(LedgerFill f) {
            return new FillView(f.fillId(), f.orderId(), f.broker().id(), f.strategyId().value(),
                    f.instrumentToken().value(), f.side(), f.quantity(), plain(f.price()), plain(f.fees()),
                    plain(f.realizedPnl()), f.timestamp(), f.appliedAt());
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** The fills found. */
    record Page(List<FillView> fills) {
    }

    @Operation(summary = "Recent fills from the ledger, newest first")
    @GetMapping("/api/v1/fills")
    Page fills(@Parameter(description = "paper or zerodha") @RequestParam(required = false) String broker,
               @Parameter(description = "strategy id") @RequestParam(required = false) String strategy,
               @Parameter(description = "1-500, default 50") @RequestParam(required = false) Integer limit) {
        int max = limit == null ? OrdersController.DEFAULT_LIMIT : limit;
        if (max < 1 || max > OrdersController.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + OrdersController.MAX_LIMIT + ", was "
                    + limit);
        }
        return new Page(orders.recentFills(Optional.ofNullable(broker).map(WebParameters::broker),
                Optional.ofNullable(strategy).map(WebParameters::strategy), max).stream().map(FillView::of).toList());
    }
}
