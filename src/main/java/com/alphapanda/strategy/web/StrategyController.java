package com.alphapanda.strategy.web;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.strategy.InvalidStrategyException;
import com.alphapanda.strategy.StrategyAdministration;
import com.alphapanda.strategy.StrategyAdministration.StrategyState;
import com.alphapanda.strategy.StrategyNotFlatException;
import com.alphapanda.strategy.StrategyAdministration.StrategyType;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Strategies in {@code strategy_configurations}: list, get, create, replace parameters, enable, disable, delete.
 * Writes (admin) are validated against the strategy types and their parameters; an invalid one is a 400 problem
 * detail listing every problem ({@code problems}) and the allowed types ({@code allowedTypes}). Changes apply to the
 * running strategies without a restart.
 */
@RestController
class StrategyController {

    private final StrategyAdministration strategies;

    StrategyController(StrategyAdministration strategies) {
        this.strategies = strategies;
    }

    @Operation(summary = "The strategy types and the parameters each accepts, with defaults")
    @GetMapping("/api/v1/strategy-types")
    ApiPage<StrategyType> types(@RequestParam(required = false) String page,
                                @RequestParam(required = false) String size) {
        return ApiPage.of(strategies.types(), PageRequest.parse(page, size));
    }

    @Operation(summary = "Every stored strategy, whether this instance runs it, and why not")
    @GetMapping("/api/v1/strategies")
    ApiPage<StrategyView> list(@RequestParam(required = false) String page,
                               @RequestParam(required = false) String size) {
        return ApiPage.of(strategies.all().stream().map(StrategyView::of).toList(), PageRequest.parse(page, size));
    }

    @Operation(summary = "One strategy")
    @GetMapping("/api/v1/strategies/{id}")
    StrategyView get(@PathVariable String id) {
        StrategyId strategyId = StrategyRequests.strategyId(id);
        return found(strategyId, strategies.find(strategyId));
    }

    @Operation(summary = "Create a strategy (validated against its type's parameters)")
    @PostMapping("/api/v1/strategies")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StrategyView> create(@RequestBody StrategyRequests.Create request) {
        var definition = request.definition();
        StrategyState created = validated(() -> strategies.create(definition)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.CONFLICT, "strategy '" + definition.id() + "' exists already"));
        return ResponseEntity.created(URI.create("/api/v1/strategies/" + definition.id()))
                .body(StrategyView.of(created));
    }

    @Operation(summary = "Replace a strategy's parameters (validated against its type)")
    @PutMapping("/api/v1/strategies/{id}/parameters")
    StrategyView updateParameters(@PathVariable String id, @RequestBody StrategyRequests.Parameters request) {
        StrategyId strategyId = StrategyRequests.strategyId(id);
        var parameters = request.required();
        return found(strategyId, validated(() -> strategies.updateParameters(strategyId, parameters)));
    }

    @Operation(summary = "Enable a strategy")
    @PostMapping("/api/v1/strategies/{id}/enable")
    StrategyView enable(@PathVariable String id) {
        StrategyId strategyId = StrategyRequests.strategyId(id);
        return found(strategyId, strategies.setActive(strategyId, true));
    }

    @Operation(summary = "Disable a strategy (it stops at once; its configuration is kept)")
    @PostMapping("/api/v1/strategies/{id}/disable")
    StrategyView disable(@PathVariable String id) {
        StrategyId strategyId = StrategyRequests.strategyId(id);
        return found(strategyId, strategies.setActive(strategyId, false));
    }

    @Operation(summary = "Delete a strategy (409 while it has open positions or resting orders: flatten it first)")
    @DeleteMapping("/api/v1/strategies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String id) {
        StrategyId strategyId = StrategyRequests.strategyId(id);
        boolean deleted;
        try {
            deleted = strategies.delete(strategyId);
        } catch (StrategyNotFlatException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Strategy not flat");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
        if (!deleted) {
            throw notFound(strategyId);
        }
        return ResponseEntity.noContent().build();
    }

    private <T> T validated(Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidStrategyException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid strategy");
            problem.setProperty("problems", e.problems());
            problem.setProperty("allowedTypes", strategies.types().stream().map(StrategyType::type).toList());
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }

    private static StrategyView found(StrategyId id, Optional<StrategyState> state) {
        return state.map(StrategyView::of).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(StrategyId id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no strategy '" + id + "'");
    }
}
