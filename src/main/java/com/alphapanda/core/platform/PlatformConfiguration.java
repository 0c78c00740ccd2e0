package com.alphapanda.core.platform;

import java.time.Clock;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
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

    /** The services this instance runs ({@code alpha-panda.services}). */
    @Bean
    Services services(ServicesProperties services, PlatformProperties platform) {
        return services.selection(platform);
    }

    @Bean
    ServicesInfoContributor servicesInfoContributor(Services services, PlatformProperties platform) {
        return new ServicesInfoContributor(services, platform.instanceId());
    }

    @Bean
    ServiceSchedules serviceSchedules(Services services) {
        return new ServiceSchedules(services);
    }

    /** A scheduled task hit by an OutOfMemoryError ends the process instead of leaving it half alive. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer fatalErrorsEndTheProcess() {
        return scheduler -> scheduler.setErrorHandler(FatalErrors.schedulerErrorHandler());
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer fatalErrorsEndTheProcessOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(FatalErrors.schedulerErrorHandler());
    }
}
