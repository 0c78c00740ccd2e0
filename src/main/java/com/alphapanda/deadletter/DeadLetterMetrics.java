package com.alphapanda.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;

/**
 * {@code dlq_messages_total{service,topic,reason}} (counted once, when a dead letter is indexed),
 * {@code dlq_replay_success_total{topic}}, {@code dlq_replay_failure_total{topic}} and {@code dlq_pending{topic}}.
 * {@code topic} is always the original topic.
 */
class DeadLetterMetrics {

    private final MeterRegistry registry;
    private final MultiGauge pending;

    DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pending = MultiGauge.builder("dlq.pending")
                .description("Dead letters not yet replayed or purged, per original topic")
                .register(registry);
    }

    void indexed(DeadLetter d) {
        Counter.builder("dlq.messages")
                .description("Records dead-lettered, by consuming service, original topic and reason")
                .tags("service", String.valueOf(d.service()), "topic", d.originalTopic(), "reason", d.reason())
                .register(registry).increment();
    }

    void replayed(String topic, boolean success) {
        Counter.builder(success ? "dlq.replay.success" : "dlq.replay.failure")
                .description(success ? "Dead letters republished to their original topic"
                        : "Dead letters whose republishing failed")
                .tag("topic", topic)
                .register(registry).increment();
    }

    void pending(Map<String, Long> countsByTopic) {
        pending.register(countsByTopic.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue()))
                .toList(), true);
    }
}
