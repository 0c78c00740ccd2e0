package com.alphapanda.monitoring;

import com.alphapanda.api.LiveEvents;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the collections on Spring's scheduler at the configured intervals. Every instance collects (its API and
 * metrics serve its own collection); alerts are stored and announced by the lag-alert job's owner only.
 */
final class MonitoringSchedule {

    private final ConsumerLagMonitor lag;
    private final PipelineMonitor pipeline;
    private final EndToEndProbe probe;
    private final MonitoringProperties properties;

    private final LagAlertJob alerts;
    private final LiveEvents liveEvents;

    MonitoringSchedule(ConsumerLagMonitor lag, PipelineMonitor pipeline, EndToEndProbe probe,
                       MonitoringProperties properties, LagAlertJob alerts, LiveEvents liveEvents) {
        this.alerts = alerts;
        this.liveEvents = liveEvents;
        this.lag = lag;
        this.pipeline = pipeline;
        this.probe = probe;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${alpha-panda.monitoring.lag.interval:30s}")
    void collectLag() {
        if (properties.lag().enabled()) {
            alerts.afterCollection(lag.collect());
        }
    }

    @Scheduled(fixedRateString = "${alpha-panda.monitoring.pipeline.interval:10s}")
    void evaluatePipeline() {
        liveEvents.publish(LiveEvents.PIPELINE, pipeline.evaluate());
    }

    @Scheduled(fixedRateString = "${alpha-panda.monitoring.probe.interval:10s}")
    void sendProbe() {
        if (properties.probe().enabled()) {
            probe.send();
        }
    }
}
