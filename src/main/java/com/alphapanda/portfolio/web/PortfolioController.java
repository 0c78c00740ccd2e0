package com.alphapanda.portfolio.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.portfolio.PortfolioReadModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Portfolios from the Redis read model: {@code GET /api/v1/portfolios} (summaries of every enabled broker) and
 * {@code GET /api/v1/portfolios/{broker}/{strategyId}} (positions, cash, realized, unrealized, fees, totals).
 * Bodies are the stored JSON (snake_case, amounts as decimal strings); errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/portfolios", produces = MediaType.APPLICATION_JSON_VALUE)
class PortfolioController {

    private final PortfolioReadModel readModel;
    private final PlatformProperties platform;

    PortfolioController(PortfolioReadModel readModel, PlatformProperties platform) {
        this.readModel = readModel;
        this.platform = platform;
    }

    @GetMapping
    ResponseEntity<String> portfolios() {
        String body = "{\"portfolios\":[" + String.join(",", readModel.summariesJson(platform.brokers())) + "]}";
        return json(body);
    }

    @GetMapping("/{broker}/{strategyId}")
    ResponseEntity<String> portfolio(@PathVariable String broker, @PathVariable String strategyId) {
        Broker parsedBroker = WebParameters.broker(broker);
        StrategyId parsedStrategy = WebParameters.strategy(strategyId);
        if (!platform.brokers().contains(parsedBroker)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "broker " + broker + " is not enabled");
        }
        return readModel.portfolioJson(parsedBroker, parsedStrategy)
                .map(PortfolioController::json)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "unknown portfolio " + parsedBroker.id() + ":" + parsedStrategy.value()));
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
