package com.alphapanda.portfolio.web;

import com.alphapanda.core.money.Amounts;
import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.portfolio.OrderQueries;
import com.alphapanda.portfolio.OrderQueries.LedgerFill;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
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
            return Amounts.text(value);
        }
    }

    @Operation(summary = "Fills from the ledger, newest first")
    @GetMapping("/api/v1/fills")
    ApiPage<FillView> fills(@Parameter(description = "paper or zerodha") @RequestParam(required = false) String broker,
                            @Parameter(description = "strategy id") @RequestParam(required = false) String strategy,
                            @Parameter(description = "page from 0") @RequestParam(required = false) String page,
                            @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.parse(page, size);
        var b = Optional.ofNullable(broker).map(WebParameters::broker);
        var s = Optional.ofNullable(strategy).map(WebParameters::strategy);
        return ApiPage.of(orders.recentFills(b, s, request.offset(), request.size()).stream().map(FillView::of)
                .toList(), request, orders.countFills(b, s));
    }
}
