package com.alphapanda.monitoring.web;

import com.alphapanda.monitoring.PipelineReport;
import com.alphapanda.monitoring.StageReport;
import java.time.Instant;
import java.util.List;

/** JSON of {@code GET /api/v1/monitoring/pipeline}. */
record PipelineView(Instant evaluatedAt, boolean marketOpen, List<String> instances, List<Broker> brokers) {

    record Broker(String broker, String health, List<Stage> stages) {
    }

    record Stage(String stage, String health, long events, double ratePerSecond, Instant lastActivity,
                 Instant lastEventTime) {
    }

    static PipelineView of(PipelineReport report, List<PipelineReport.BrokerPipeline> brokers) {
        return new PipelineView(report.evaluatedAt(), report.marketOpen(), report.instances(), brokers.stream()
                .map(b -> new Broker(b.broker().id(), b.health().name().toLowerCase(java.util.Locale.ROOT),
                        b.stages().stream().map(PipelineView::stage).toList()))
                .toList());
    }

    private static Stage stage(StageReport s) {
        return new Stage(s.stage().label(), s.health().name().toLowerCase(java.util.Locale.ROOT), s.events(),
                s.ratePerSecond(), s.lastActivity().orElse(null), s.lastEventTime().orElse(null));
    }
}
