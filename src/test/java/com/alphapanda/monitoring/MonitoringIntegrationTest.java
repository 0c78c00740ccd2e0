package com.alphapanda.monitoring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one context of the monitoring integration tests: fast collections (1 s, a window of 4 samples, so STOP after
 * 4 s without progress), low thresholds and a fast probe. Every class using it shares the cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alpha-panda.monitoring.lag.interval=1s",
        "alpha-panda.monitoring.lag.window-samples=4",
        "alpha-panda.monitoring.consumer-lag-threshold=5",
        "alpha-panda.monitoring.consumer-lag-seconds-threshold=1h",
        "alpha-panda.monitoring.alert-after-samples=2",
        "alpha-panda.monitoring.probe.interval=200ms",
        "alpha-panda.monitoring.pipeline.interval=1s"})
public @interface MonitoringIntegrationTest {
}
