package com.alphapanda.portfolio.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.portfolio.Discrepancy;
import com.alphapanda.portfolio.Reconciliation;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * PnL reconciliation: run it now for a broker, list discrepancies, resolve one (rebuild the read model from the
 * ledger, audited). Non-GET routes need the operator role.
 */
@RestController
@RequestMapping("/api/v1/reconciliation")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final PlatformProperties platform;

    ReconciliationController(Reconciliation reconciliation, PlatformProperties platform) {
        this.reconciliation = reconciliation;
        this.platform = platform;
    }

    /** The results of reconciling every portfolio of a broker now. */
    record RunReport(String broker, int portfolios, long discrepancies, List<Reconciliation.PortfolioResult> results) {
    }

    /** A page of discrepancies. */
    record DiscrepancyPage(List<Discrepancy> items, int page, int size) {
    }

    /** Resolution request: why the discrepancy is resolved (required). */
    record ResolveRequest(String note) {
    }

    @PostMapping("/{broker}/run")
    RunReport run(@PathVariable String broker) {
        Broker b = WebParameters.broker(broker);
        if (!platform.brokers().contains(b)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "broker " + broker + " is not enabled");
        }
        List<Reconciliation.PortfolioResult> results = reconciliation.run(b);
        return new RunReport(b.id(), results.size(),
                results.stream().filter(r -> "discrepancy".equals(r.status())).count(), results);
    }

    @GetMapping("/discrepancies")
    DiscrepancyPage discrepancies(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") String page,
                                  @RequestParam(defaultValue = "100") String size) {
        String s = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (s != null && !s.equals("open") && !s.equals("resolved")) {
            throw new IllegalArgumentException("status must be open or resolved");
        }
        int p = WebParameters.integer("page", page, 0, Integer.MAX_VALUE / SnapshotController.MAX_SIZE);
        int n = WebParameters.integer("size", size, 1, SnapshotController.MAX_SIZE);
        return new DiscrepancyPage(reconciliation.discrepancies(s, p, n), p, n);
    }

    @PostMapping("/discrepancies/{id}/resolve")
    Reconciliation.Resolution resolve(@PathVariable UUID id, @RequestBody ResolveRequest request,
                                      Principal principal) {
        if (request == null || request.note() == null || request.note().isBlank()) {
            throw new IllegalArgumentException("note is required: say why the discrepancy is resolved");
        }
        if (request.note().length() > 2000) {
            throw new IllegalArgumentException("note must be at most 2000 characters");
        }
        try {
            return reconciliation.resolve(id, request.note().strip(), principal == null ? "api" : principal.getName())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown discrepancy " + id));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage(), e);
        }
    }
}
