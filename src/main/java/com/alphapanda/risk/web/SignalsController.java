package com.alphapanda.risk.web;

import com.alphapanda.risk.RiskDecisionQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signals?broker=&strategy=&outcome=&limit=}: the most recent signals with the risk manager's
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
    SignalDecisionView.Page signals(
            @Parameter(description = "paper or zerodha") @RequestParam(required = false) String broker,
            @Parameter(description = "strategy id") @RequestParam(required = false) String strategy,
            @Parameter(description = "validated or rejected") @RequestParam(required = false) String outcome,
            @Parameter(description = "1-500, default 50") @RequestParam(required = false) Integer limit) {
        int max = RiskWebParameters.limit(limit);
        var found = decisions.recent(Optional.ofNullable(broker).map(RiskWebParameters::broker),
                Optional.ofNullable(strategy).map(RiskWebParameters::strategy),
                Optional.ofNullable(outcome).map(SignalsController::validated), max);
        return new SignalDecisionView.Page(found.stream().map(SignalDecisionView::of).toList());
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
