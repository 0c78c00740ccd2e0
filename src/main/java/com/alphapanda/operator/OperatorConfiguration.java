package com.alphapanda.operator;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.portfolio.ExposureQueries;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the operator actions. */
@Configuration(proxyBeanMethods = false)
class OperatorConfiguration {

    @Bean
    OperatorActions operatorActions(ExposureQueries exposure, EventPublisher publisher, PlatformProperties platform,
                                    Clock clock) {
        return new OperatorActions(exposure, publisher, platform.brokers(), clock);
    }
}
