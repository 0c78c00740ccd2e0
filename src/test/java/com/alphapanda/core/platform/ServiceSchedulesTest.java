package com.alphapanda.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/** Scheduled tasks of services an instance does not run are left out before anything is scheduled. */
class ServiceSchedulesTest {

    @Test
    void theTasksOfServicesNotRunHereAreLeftOutAndSharedCacheRefreshesKept() throws Exception {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        registrar.addFixedDelayTask(task("com.alphapanda.monitoring.MonitoringSchedule", "collectLag"));
        registrar.addFixedDelayTask(task("com.alphapanda.portfolio.PortfolioConfiguration$MarkFlush", "flush"));
        registrar.addFixedDelayTask(task("com.alphapanda.strategy.StrategyReloader", "poll"));
        registrar.addFixedRateTask(task("com.alphapanda.monitoring.MonitoringSchedule", "sendProbe"));

        new ServiceSchedules(Services.parse(List.of("portfolio", "api"), List.of(Broker.PAPER)))
                .configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList()).map(t -> t.getRunnable().toString())
                .containsExactly("com.alphapanda.portfolio.PortfolioConfiguration$MarkFlush.flush",
                        "com.alphapanda.strategy.StrategyReloader.poll");
        assertThat(registrar.getFixedRateTaskList()).isEmpty();
    }

    @Test
    void withEveryServiceEveryTaskIsKept() throws Exception {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        registrar.addFixedDelayTask(task("com.alphapanda.monitoring.MonitoringSchedule", "collectLag"));
        new ServiceSchedules(Services.all(List.of(Broker.PAPER))).configureTasks(registrar);
        assertThat(registrar.getFixedDelayTaskList()).hasSize(1);
    }

    private static IntervalTask task(String type, String name) throws Exception {
        Method method = Class.forName(type).getDeclaredMethod(name);
        return new IntervalTask(new ScheduledMethodRunnable(new Object(), method), Duration.ofSeconds(1));
    }
}
