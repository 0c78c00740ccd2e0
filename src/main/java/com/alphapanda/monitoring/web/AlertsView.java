package com.alphapanda.monitoring.web;

import com.alphapanda.monitoring.LagAlert;
import java.time.Instant;
import java.util.List;

/** JSON of {@code GET /api/v1/monitoring/alerts}: the alerts raised now, and the last cleared ones. */
record AlertsView(List<Alert> active, List<Alert> recentlyCleared) {

    record Alert(String group, String kind, Instant raisedAt, String detail, Instant clearedAt) {
    }

    static AlertsView of(List<LagAlert> active, List<LagAlert> cleared) {
        return new AlertsView(active.stream().map(AlertsView::alert).toList(),
                cleared.stream().map(AlertsView::alert).toList());
    }

    private static Alert alert(LagAlert a) {
        return new Alert(a.group(), a.kind().label(), a.raisedAt(), a.raisedDetail(), a.clearedAt().orElse(null));
    }
}
