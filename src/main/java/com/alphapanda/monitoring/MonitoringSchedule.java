package com.alphapanda.monitoring;

import org.springframework.scheduling.annotation.Scheduled;

/** Runs the collections on Spring's scheduler at the configured intervals. */
final class MonitoringSchedule {

    private final ConsumerLagMonitor lag;
    private final PipelineMonitor pipeline;
    private final EndToEndProbe probe;
    private final MonitoringProperties properties;

    MonitoringSchedule(ConsumerLagMonitor lag, PipelineMonitor pipeline, EndToEndProbe probe,
                       MonitoringProperties properties) {
        this.lag = lag;
        this.pipeline = pipeline;
        this.probe = probe;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${alpha-panda.monitoring.lag.interval:30s}")
    void collectLag() {
        if (properties.lag().enabled()) {
            lag.collect();
        }
    }

    @Scheduled(fixedRateString = "${alpha-panda.monitoring.pipeline.interval:10s}")
    void evaluatePipeline() {
        pipeline.evaluate();
    }

    @Scheduled(fixedRateString = "${alpha-panda.monitoring.probe.interval:10s}")
    void sendProbe() {
        if (properties.probe().enabled()) {
            probe.send();
        }
    }
}
