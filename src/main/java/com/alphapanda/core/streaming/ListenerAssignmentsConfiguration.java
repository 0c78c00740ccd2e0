package com.alphapanda.core.streaming;

import com.alphapanda.core.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Static group membership for every listener, and the {@code listeners} readiness indicator. */
@Configuration(proxyBeanMethods = false)
class ListenerAssignmentsConfiguration {

    @Bean("listeners")
    ListenerAssignments listenerAssignments(KafkaListenerEndpointRegistry registry, PlatformProperties platform) {
        return new ListenerAssignments(registry, platform.instanceId());
    }
}
