package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsTheMetricsButNotFunctionsLabelsDurationsOrVariables() {
        assertThat(PromQlMetricNames.of(
                "histogram_quantile(0.99, sum by (le, instance) (rate(pipeline_e2e_latency_seconds_bucket[5m]))) > 0.5"))
                .containsExactly("pipeline_e2e_latency_seconds_bucket");
        assertThat(PromQlMetricNames.of(
                "max by (group) (consumer_lag_messages{group=~\"$group\", topic!=\"x\"}) > 1e3 and on (group) up"))
                .containsExactly("consumer_lag_messages", "up");
        assertThat(PromQlMetricNames.of("time() - max(pipeline_last_event_timestamp_seconds offset 5m)"))
                .containsExactly("pipeline_last_event_timestamp_seconds");
        assertThat(PromQlMetricNames.ofLabelValues("label_values(consumer_lag_messages, group)"))
                .containsExactly("consumer_lag_messages");
    }
}
