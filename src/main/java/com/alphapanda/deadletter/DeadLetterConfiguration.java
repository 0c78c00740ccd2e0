package com.alphapanda.deadletter;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.alphapanda.core.streaming.ListenerAssignments;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.backoff.FixedBackOff;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadLetterConfiguration {

    /** The dead-letter topics of every consumed topic of the enabled brokers. */
    @Bean
    String[] deadLetterTopicNames(PlatformProperties platform) {
        return Topics.all(platform.brokers()).stream().filter(Topic::consumed).map(Topic::deadLetterName)
                .toArray(String[]::new);
    }

    /**
     * The indexer's own container: raw bytes for key and value, no transaction, and a failure (e.g. PostgreSQL down)
     * retried every 2 s until it succeeds: a dead letter is never skipped and never dead-lettered itself.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterContainerFactory(KafkaProperties kafka,
            ListenerAssignments listenerAssignments) {
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setContainerCustomizer(listenerAssignments::configure);
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2_000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }

    @Bean
    DeadLetterStore deadLetterStore(JdbcClient jdbc) {
        return new DeadLetterStore(jdbc);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry registry) {
        return new DeadLetterMetrics(registry);
    }

    @Bean
    @ConditionalOnProperty(prefix = "alpha-panda.streaming.dlq", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    DeadLetterIndexer deadLetterIndexer(PlatformProperties platform, DeadLetterStore store, DeadLetterMetrics metrics) {
        Map<String, String> originals = Topics.all(platform.brokers()).stream()
                .collect(Collectors.toMap(Topic::deadLetterName, Topic::name));
        Function<String, String> originalOf = dlq -> originals.getOrDefault(dlq, dlq);
        return new DeadLetterIndexer(new DeadLetterParser(originalOf), store, metrics);
    }

    @Bean
    DeadLetterOperations deadLetterOperations(DeadLetterStore store, KafkaTemplate<Object, Object> kafkaTemplate,
                                              DeadLetterMetrics metrics, Admin admin, Clock clock) {
        return new DeadLetterOperations(store, new DeadLetterReplayer(store, kafkaTemplate, metrics, clock),
                new DeadLetterPurger(store, admin, clock), () -> metrics.pending(store.pendingCounts()));
    }

    @Bean
    PendingGaugeRefresh pendingGaugeRefresh(DeadLetterStore store, DeadLetterMetrics metrics) {
        return new PendingGaugeRefresh(store, metrics);
    }

    /** Keeps {@code dlq_pending} current, also for dead letters indexed or replayed by other instances. */
    static final class PendingGaugeRefresh {
        private final DeadLetterStore store;
        private final DeadLetterMetrics metrics;

        PendingGaugeRefresh(DeadLetterStore store, DeadLetterMetrics metrics) {
            this.store = store;
            this.metrics = metrics;
        }

        @Scheduled(initialDelay = 0, fixedDelayString = "${alpha-panda.streaming.dlq.pending-refresh-ms:15000}")
        void refresh() {
            metrics.pending(store.pendingCounts());
        }
    }
}
