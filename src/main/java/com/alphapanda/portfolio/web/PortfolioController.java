package com.alphapanda.portfolio.web;

import com.alphapanda.core.json.EventJson;
import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
import com.alphapanda.portfolio.PortfolioView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.portfolio.PortfolioReadModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Portfolios from the Redis read model: {@code GET /api/v1/portfolios} (summaries of every enabled broker) and
 * {@code GET /api/v1/portfolios/{broker}/{strategyId}} (positions, cash, realized, unrealized, fees, totals).
 * The stored read model (snake_case in Redis) is served in the API's JSON (camelCase, amounts as decimal strings).
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

    @Operation(summary = "Summaries of every portfolio of the enabled brokers, by broker then strategy id")
    @GetMapping
    ApiPage<PortfolioView.Summary> portfolios(
            @Parameter(description = "page from 0") @RequestParam(required = false) String page,
            @Parameter(description = "1-500, default 50") @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.parse(page, size);
        List<PortfolioView.Summary> all = readModel.summariesJson(platform.brokers()).stream()
                .map(json -> EventJson.mapper().readValue(json, PortfolioView.Summary.class)).toList();
        return ApiPage.of(all, request);
    }

    @GetMapping("/{broker}/{strategyId}")
    @Operation(summary = "One portfolio: positions, cash, realized, unrealized, fees, totals")
    PortfolioView portfolio(@PathVariable String broker, @PathVariable String strategyId) {
        Broker parsedBroker = WebParameters.broker(broker);
        StrategyId parsedStrategy = WebParameters.strategy(strategyId);
        if (!platform.brokers().contains(parsedBroker)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "broker " + broker + " is not enabled");
        }
        return readModel.portfolioJson(parsedBroker, parsedStrategy)
                .map(json -> EventJson.mapper().readValue(json, PortfolioView.class))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "unknown portfolio " + parsedBroker.id() + ":" + parsedStrategy.value()));
    }
}
