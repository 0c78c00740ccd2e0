package com.alphapanda.portfolio.web;

import com.alphapanda.core.web.ApiPage;
import com.alphapanda.core.web.PageRequest;
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
    ApiPage<Discrepancy> discrepancies(@RequestParam(required = false) String status,
                                       @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String size) {
        String s = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (s != null && !s.equals("open") && !s.equals("resolved")) {
            throw new IllegalArgumentException("status must be open or resolved");
        }
        PageRequest request = PageRequest.parse(page, size);
        return ApiPage.of(reconciliation.discrepancies(s, request.page(), request.size()), request,
                reconciliation.countDiscrepancies(s));
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
