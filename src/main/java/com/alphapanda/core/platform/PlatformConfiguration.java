package com.alphapanda.core.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Platform-wide beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The wall clock, injected wherever "now" is needed; domain decisions use event time instead. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
