package com.alphapanda.risk.web;

import com.alphapanda.core.json.EventJson;
import com.alphapanda.risk.TradingStateQueries;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/trading-state}: each enabled broker's trading state, who set it, when, why, and its history. */
@RestController
class TradingStateController {

    private final TradingStateQueries queries;

    TradingStateController(TradingStateQueries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/trading-state", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> tradingState() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(EventJson.mapper().writeValueAsString(Map.of("brokers", queries.all())));
    }
}
