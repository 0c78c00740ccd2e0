package com.alphapanda.monitoring.web;

import com.alphapanda.core.event.Broker;
import com.alphapanda.monitoring.ConsumerLagMonitor;
import com.alphapanda.monitoring.GroupLag;
import com.alphapanda.monitoring.LagAlertStore;
import com.alphapanda.monitoring.LagReport;
import com.alphapanda.monitoring.MonitoringProperties;
import com.alphapanda.monitoring.PipelineMonitor;
import com.alphapanda.monitoring.PipelineReport;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consumer lag, pipeline liveness and alerts. Serves the last collection (never a broker round-trip per request);
 * bad input gets an RFC 9457 problem detail.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringController {

    private static final int MAX_GROUP_LENGTH = 255;

    private final ConsumerLagMonitor lag;
    private final PipelineMonitor pipeline;
    private final LagAlertStore alerts;
    private final MonitoringProperties properties;

    MonitoringController(ConsumerLagMonitor lag, PipelineMonitor pipeline, LagAlertStore alerts,
                         MonitoringProperties properties) {
        this.lag = lag;
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.properties = properties;
    }

    /** Every monitored group, or only {@code group}. */
    @GetMapping("/lag")
    LagView lag(@RequestParam(required = false) String group) {
        if (group != null) {
            checkGroup(group);
        }
        LagReport report = lag.lastReport().orElseThrow(NotCollectedYet::new);
        List<GroupLag> groups = report.groups();
        if (group != null) {
            groups = List.of(report.group(group).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                    "Unknown consumer group", "no consumer group '" + group + "' in the last collection")));
        }
        return LagView.of(report, groups);
    }

    /** Every enabled broker's pipeline, or only {@code broker}'s. */
    @GetMapping("/pipeline")
    PipelineView pipeline(@RequestParam(required = false) String broker) {
        PipelineReport report = pipeline.report();
        List<PipelineReport.BrokerPipeline> brokers = report.brokers();
        if (broker != null) {
            Broker wanted = parseBroker(broker);
            brokers = brokers.stream().filter(b -> b.broker() == wanted).toList();
            if (brokers.isEmpty()) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "Broker not enabled",
                        "broker '" + wanted.id() + "' is not enabled on this instance");
            }
        }
        return PipelineView.of(report, brokers);
    }

    /** The cluster's alerts (stored by the instance running the lag-alert job), whichever instance serves. */
    @GetMapping("/alerts")
    AlertsView alerts() {
        return AlertsView.of(alerts.active(), alerts.recentlyCleared());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.status).body(e.detail());
    }

    @ExceptionHandler(NotCollectedYet.class)
    ResponseEntity<ProblemDetail> notCollectedYet(NotCollectedYet e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "consumer lag has not been collected yet; retry shortly");
        detail.setTitle("Not collected yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.lag().interval().toSeconds() + 1))
                .body(detail);
    }

    private void checkGroup(String group) {
        if (group.isBlank() || group.length() > MAX_GROUP_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid group",
                    "group must be 1 to " + MAX_GROUP_LENGTH + " characters");
        }
        String prefix = properties.lag().groupPrefix();
        if (!group.startsWith(prefix)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid group",
                    "only groups starting with '" + prefix + "' are monitored");
        }
    }

    private static Broker parseBroker(String broker) {
        try {
            return Broker.fromId(broker);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid broker", e.getMessage());
        }
    }

    /** A client error or unavailable resource, answered as a problem detail. */
    static final class ProblemException extends RuntimeException {
        private final HttpStatus status;
        private final String title;

        ProblemException(HttpStatus status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        ProblemDetail detail() {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, getMessage());
            detail.setTitle(title);
            return detail;
        }
    }

    /** No collection has finished since start. */
    static final class NotCollectedYet extends RuntimeException {
    }
}
