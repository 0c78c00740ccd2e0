package com.alphapanda.core.streaming;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.Services;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Static group membership for every listener, and the {@code listeners} readiness indicator. */
@Configuration(proxyBeanMethods = false)
class ListenerAssignmentsConfiguration {

    @Bean("listeners")
    ListenerAssignments listenerAssignments(PlatformProperties platform, Services services) {
        return new ListenerAssignments(platform.instanceId(), services);
    }
}
