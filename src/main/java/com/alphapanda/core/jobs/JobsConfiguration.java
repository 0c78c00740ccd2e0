package com.alphapanda.core.jobs;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cluster-wide job locks of this instance, re-checked every two seconds. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    ClusterJobs clusterJobs(DataSource dataSource) {
        return new ClusterJobs(dataSource, CHECK_INTERVAL);
    }
}
