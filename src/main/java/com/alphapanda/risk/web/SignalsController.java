package com.alphapanda.risk.web;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.risk.RiskDecisionQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals?broker=&strategy=&outcome=&page=&size=}: the most recent signals with the risk manager's
 * decision (validated, or rejected with its reasons), newest first.
 */
@RestController
class SignalsController {

    private final RiskDecisionQueries decisions;

    SignalsController(RiskDecisionQueries decisions) {
        this.decisions = decisions;
    }

    @Operation(summary = "Recent signals with their risk decision (validated or rejected with reasons), newest first")
    @GetMapping("/api/v1/signals")
    ApiPage<SignalDecisionView> signals(
            @Parameter(description = "paper or zerodha") @RequestParam(required = false) String broker,
            @Parameter(description = "strategy id") @RequestParam(required = false) String strategy,
            @Parameter(description = "validated or rejected") @RequestParam(required = false) String outcome,
            @Parameter(description = "page from 0") @RequestParam(required = false) String page,
            @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.parse(page, size);
        var b = Optional.ofNullable(broker).map(RiskWebParameters::broker);
        var s = Optional.ofNullable(strategy).map(RiskWebParameters::strategy);
        var v = Optional.ofNullable(outcome).map(SignalsController::validated);
        var found = decisions.recent(b, s, v, request.offset(), request.size());
        return ApiPage.of(found.stream().map(SignalDecisionView::of).toList(), request, decisions.count(b, s, v));
    }

    private static boolean validated(String outcome) {
        return switch (outcome.strip().toLowerCase(Locale.ROOT)) {
            case "validated" -> true;
            case "rejected" -> false;
            default -> throw new IllegalArgumentException("outcome must be validated or rejected, was '" + outcome
                    + "'");
        };
    }
}
