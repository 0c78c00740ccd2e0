package com.alphapanda.risk.web;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.RequestParam;
import com.alphapanda.api.ApiPrincipal;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.risk.TradingStateControl;
import com.alphapanda.risk.TradingStateQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/trading-state}: each enabled broker's trading state, who set it, when, why, and its history.
 * {@code POST /api/v1/trading-state/{broker}} (operator): changes it, recorded with the token's name as who, and
 * announced on {@code alpha-panda.control} with the request's correlation id.
 */
@RestController
class TradingStateController {

    static final int MAX_REASON = 500;

    private final TradingStateQueries queries;
    private final TradingStateControl control;

    TradingStateController(TradingStateQueries queries, TradingStateControl control) {
        this.queries = queries;
        this.control = control;
    }

    /** The requested change. */
    record ChangeRequest(
            @Schema(description = "ACTIVE, HALTED or REDUCING", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "HALTED") String state,
            @Schema(description = "why (1-500 characters, recorded)", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "exchange connectivity issue") String reason) {
    }

    /** The change made and the event that announced it. */
    record ChangeView(String broker, TradingState state, TradingState previousState, String reason, String changedBy,
                      Instant changedAt, String eventId, String correlationId,
                      @Schema(description = "false: not announced on Kafka; instances apply it within a second")
                      boolean published) {
    }

    @Operation(summary = "Each enabled broker's trading state with its recent history")
    @GetMapping(path = "/api/v1/trading-state", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiPage<TradingStateQueries.BrokerState> tradingState(
            @Parameter(description = "page from 0") @RequestParam(required = false) String page,
            @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        return ApiPage.of(queries.all(), PageRequest.parse(page, size));
    }

    @Operation(summary = "Set a broker's trading state (HALTED, REDUCING or ACTIVE) with a reason")
    @PostMapping("/api/v1/trading-state/{broker}")
    ChangeView change(@PathVariable String broker, @RequestBody ChangeRequest request) {
        Broker target = RiskWebParameters.broker(broker);
        if (!control.controls(target)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "broker " + target.id() + " is not enabled");
        }
        TradingState state = state(request.state());
        String reason = reason(request.reason());
        var result = control.change(target, state, reason, caller(), CorrelationContext.currentCorrelationId());
        TradingStateChanged changed = result.change();
        return new ChangeView(target.id(), changed.state(), changed.previousState(), changed.reason(),
                changed.changedBy(), changed.changedAt(), result.event().id().asString(),
                result.event().correlationId(), result.published());
    }

    private static TradingState state(String value) {
        if (value == null) {
            throw new IllegalArgumentException("field 'state' is required (one of ACTIVE, HALTED, REDUCING)");
        }
        try {
            return TradingState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'state' must be one of "
                    + Arrays.toString(TradingState.values()) + ", was '" + value + "'", e);
        }
    }

    private static String reason(String value) {
        if (value == null || value.isBlank() || value.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("field 'reason' must be 1-" + MAX_REASON + " characters");
        }
        return value.strip();
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal) {
            return principal.name();
        }
        throw new IllegalStateException("an authenticated API token is required");
    }
}
