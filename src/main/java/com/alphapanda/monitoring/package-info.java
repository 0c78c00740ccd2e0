/**
 * Monitoring: consumer lag read from the broker (message lag, time lag, Burrow-style status per partition and group),
 * the end-to-end probe, pipeline liveness per broker and stage, and the alerts raised from them. Other features
 * report their activity through {@link com.alphapanda.monitoring.PipelineActivity}; everything else is read from
 * Kafka. Metrics are documented in {@code docs/monitoring.md}.
 */
@ApplicationModule(displayName = "Monitoring")
package com.alphapanda.monitoring;

import org.springframework.modulith.ApplicationModule;
