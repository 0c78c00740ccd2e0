package com.alphapanda.operator.web;

import com.alphapanda.api.ApiPrincipal;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.operator.OperatorActionRefused;
import com.alphapanda.operator.OperatorActions;
import com.alphapanda.operator.OperatorOutcome;
import com.alphapanda.operator.OperatorRequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operator actions (operator role): cancel a working order, flatten a position, a strategy or a whole broker. Each
 * answers 202 with the events it sent (their results follow on Kafka: see {@code /api/v1/orders}); 404 for an unknown
 * order or a broker not enabled here, 409 for an order that is no longer working or a position that is flat, 503 when
 * Kafka did not acknowledge.
 */
@RestController
class OperatorController {

    private final OperatorActions actions;

    OperatorController(OperatorActions actions) {
        this.actions = actions;
    }

    /** Why the operator acts; recorded in every event the action causes. */
    record ActionRequest(@Schema(description = "why (1-500 characters, recorded)",
            requiredMode = Schema.RequiredMode.REQUIRED, example = "strategy misbehaving") String reason) {
    }

    @Operation(summary = "Cancel an open or partially filled order (the venue answers with order_failed CANCELLED)")
    @PostMapping("/api/v1/orders/{broker}/{orderId}/cancel")
    ResponseEntity<OperatorOutcome> cancel(@PathVariable String broker, @PathVariable String orderId,
                                           @RequestBody ActionRequest body) {
        String id = OperatorParameters.orderId(orderId);
        return act(body, r -> actions.cancel(OperatorParameters.broker(broker), id, r));
    }

    @Operation(summary = "Flatten one position with a market order (risk-validated, marked as the operator's)")
    @PostMapping("/api/v1/portfolios/{broker}/{strategyId}/positions/{instrumentToken}/flatten")
    ResponseEntity<OperatorOutcome> flattenPosition(@PathVariable String broker, @PathVariable String strategyId,
                                                    @PathVariable String instrumentToken,
                                                    @RequestBody ActionRequest body) {
        Broker b = OperatorParameters.broker(broker);
        StrategyId s = OperatorParameters.strategy(strategyId);
        InstrumentToken t = OperatorParameters.instrument(instrumentToken);
        return act(body, r -> actions.flattenPosition(b, s, t, r));
    }

    @Operation(summary = "Flatten a strategy: cancel its working orders and close every position")
    @PostMapping("/api/v1/portfolios/{broker}/{strategyId}/flatten")
    ResponseEntity<OperatorOutcome> flattenStrategy(@PathVariable String broker, @PathVariable String strategyId,
                                                    @RequestBody ActionRequest body) {
        Broker b = OperatorParameters.broker(broker);
        StrategyId s = OperatorParameters.strategy(strategyId);
        return act(body, r -> actions.flattenStrategy(b, s, r));
    }

    @Operation(summary = "Flatten a broker: cancel every working order and close every position of every strategy")
    @PostMapping("/api/v1/portfolios/{broker}/flatten")
    ResponseEntity<OperatorOutcome> flattenBroker(@PathVariable String broker, @RequestBody ActionRequest body) {
        Broker b = OperatorParameters.broker(broker);
        return act(body, r -> actions.flattenBroker(b, r));
    }

    private static ResponseEntity<OperatorOutcome> act(ActionRequest body,
                                                       Function<OperatorRequestContext, OperatorOutcome> action) {
        OperatorRequestContext request = new OperatorRequestContext(caller(), body == null ? null : body.reason(),
                CorrelationContext.currentCorrelationId());
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(action.apply(request));
        } catch (OperatorActionRefused e) {
            HttpStatus status = switch (e.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case NOT_PUBLISHED -> HttpStatus.SERVICE_UNAVAILABLE;
            };
            throw new ResponseStatusException(status, e.getMessage(), e);
        }
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal) {
            return principal.name();
        }
        throw new IllegalStateException("an authenticated API token is required");
    }
}
