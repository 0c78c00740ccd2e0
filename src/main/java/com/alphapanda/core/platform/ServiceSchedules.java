package com.alphapanda.core.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Leaves out the {@code @Scheduled} tasks of services this instance does not run, before any is scheduled: a task
 * belongs to the service of its feature package. Tasks of other packages (the strategy roster reload, the
 * trading-state refresh, the dead-letter gauge) keep caches the API reads fresh, and run everywhere.
 */
final class ServiceSchedules implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ServiceSchedules.class);
    private static final Map<String, Service> PACKAGES = Map.of(
            "com.alphapanda.marketfeed.", Service.FEED,
            "com.alphapanda.monitoring.", Service.MONITORING,
            "com.alphapanda.portfolio.", Service.PORTFOLIO,
            "com.alphapanda.execution.zerodha.", Service.ZERODHA_TRADING);

    private final Services services;

    ServiceSchedules(Services services) {
        this.services = services;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.setFixedDelayTasksList(kept(registrar.getFixedDelayTaskList()));
        registrar.setFixedRateTasksList(kept(registrar.getFixedRateTaskList()));
        registrar.setCronTasksList(kept(registrar.getCronTaskList()));
        registrar.setTriggerTasksList(kept(registrar.getTriggerTaskList()));
    }

    private <T extends Task> List<T> kept(List<T> tasks) {
        Predicate<T> runsHere = task -> service(task.getRunnable()).map(services::runs).orElse(true);
        tasks.stream().filter(runsHere.negate()).forEach(task ->
                log.info("Scheduled task {} not started: its service is not in alpha-panda.services ({})",
                        task.getRunnable(), services));
        return tasks.stream().filter(runsHere).toList();
    }

    /**
     * The service owning a scheduled method, by the package of its class. Spring wraps the method's runnable to track
     * outcomes; the wrapper's text is the method's ({@code <class>.<method>}, see ServiceSchedulesTest).
     */
    static java.util.Optional<Service> service(Runnable runnable) {
        String type = runnable instanceof ScheduledMethodRunnable method
                ? method.getMethod().getDeclaringClass().getName() : String.valueOf(runnable);
        return PACKAGES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }
}
