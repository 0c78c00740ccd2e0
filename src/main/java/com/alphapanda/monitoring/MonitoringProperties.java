package com.alphapanda.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code alpha-panda.monitoring}.
 *
 * @param consumerLagThreshold        a partition lagging by more messages than this breaches (and counts as
 *                                    "over the threshold" in the aggregates)
 * @param consumerLagSecondsThreshold a partition whose oldest unconsumed record is older than this breaches
 * @param lagAlertEnabled             whether breaches raise alerts
 * @param alertAfterSamples           consecutive collections a breach must last before its alert is raised
 */
@Validated
@ConfigurationProperties("alpha-panda.monitoring")
public record MonitoringProperties(
        @Valid @NotNull @DefaultValue Lag lag,
        @Min(1) @DefaultValue("1000") long consumerLagThreshold,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration consumerLagSecondsThreshold,
        @DefaultValue("true") boolean lagAlertEnabled,
        @Min(1) @DefaultValue("3") int alertAfterSamples,
        @Valid @NotNull @DefaultValue Probe probe,
        @Valid @NotNull @DefaultValue Pipeline pipeline) {

    /**
     * Consumer lag collection.
     *
     * @param interval       time between collections; the API serves the last one in between
     * @param groupPrefix    every consumer group whose id starts with this is monitored, whichever instance runs it
     * @param windowSamples  samples kept per partition for the status rules; STOP after {@code windowSamples ×
     *                       interval} without progress
     * @param requestTimeout how long to wait for the broker's answers in one collection
     */
    public record Lag(
            @DefaultValue("true") boolean enabled,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration interval,
            @NotBlank @DefaultValue("alpha-panda.") String groupPrefix,
            @Min(2) @DefaultValue("10") int windowSamples,
            @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration requestTimeout) {

        /** STOP: lag and no progress for longer than the window. */
        public Duration window() {
            return interval.multipliedBy(windowSamples);
        }
    }

    /**
     * The end-to-end probe: a record produced to {@code topic} and consumed back by this instance through the broker.
     */
    public record Probe(
            @DefaultValue("true") boolean enabled,
            @NotNull @DurationMin(millis = 10) @DefaultValue("10s") Duration interval,
            @NotBlank @DefaultValue("alpha-panda.monitoring.probe") String topic) {
    }

    /**
     * Pipeline liveness.
     *
     * @param interval   how often stage rates and health are re-evaluated
     * @param staleAfter a continuous stage (market feed, strategy runner) silent for longer than this while the
     *                   market is open is degraded
     */
    public record Pipeline(
            @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration interval,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration staleAfter) {
    }
}
