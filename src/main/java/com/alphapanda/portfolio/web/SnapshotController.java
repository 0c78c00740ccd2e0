package com.alphapanda.portfolio.web;

import com.alphapanda.core.web.PageRequest;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.portfolio.Reconciliation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * PnL snapshot history of a portfolio, for equity curves:
 * {@code GET /api/v1/portfolios/{broker}/{strategyId}/snapshots?from=&to=&type=&page=&size=}, oldest first.
 */
@RestController
class SnapshotController {

    private final Reconciliation reconciliation;
    private final PlatformProperties platform;

    SnapshotController(Reconciliation reconciliation, PlatformProperties platform) {
        this.reconciliation = reconciliation;
        this.platform = platform;
    }

    @GetMapping("/api/v1/portfolios/{broker}/{strategyId}/snapshots")
    Reconciliation.SnapshotPage history(@PathVariable String broker, @PathVariable String strategyId,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String type,
                                        @RequestParam(required = false) String page,
                                        @RequestParam(required = false) String size) {
        Broker b = enabled(WebParameters.broker(broker));
        StrategyId strategy = WebParameters.strategy(strategyId);
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : instant("to", to);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("to must be after from");
        }
        PageRequest request = PageRequest.parse(page, size);
        return reconciliation.history(b, strategy, start, end, type == null ? null : type(type), request.page(),
                request.size());
    }

    private Broker enabled(Broker broker) {
        if (!platform.brokers().contains(broker)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "broker " + broker.id() + " is not enabled");
        }
        return broker;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant, e.g. 2026-12-01T04:00:00Z");
        }
    }

    private static SnapshotType type(String value) {
        for (SnapshotType t : SnapshotType.values()) {
            if (t.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("type must be periodic, end_of_day or reconciliation");
    }
}
