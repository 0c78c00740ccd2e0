package com.alphapanda.core.streaming;

import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.topic.TopicDeclaration;
import com.alphapanda.core.topic.TopicProperties;
import com.alphapanda.core.topic.TopicProvisioner;
import com.alphapanda.core.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/** Wires the streaming glue and provisions every catalogue topic before any listener starts. */
@Configuration(proxyBeanMethods = false)
class StreamingConfiguration {

    private static final Duration NACK_RESOLUTION = Duration.ofMillis(250);

    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    TopicProvisioner topicProvisioner(Admin kafkaAdminClient, TopicProperties topics) {
        return new TopicProvisioner(kafkaAdminClient, topics.replicationFactor());
    }

    /** Runs after all singletons exist and before listener containers start (they start with the lifecycle). */
    @Bean
    SmartInitializingSingleton topicProvisioning(TopicProvisioner provisioner, PlatformProperties platform,
                                                 StreamingProperties streaming) {
        return () -> provisioner.provision(
                TopicDeclaration.of(Topics.all(platform.brokers()), streaming.dlq().retention()));
    }

    /** Transactional: sends from listeners join the listener's transaction. Shares the transaction manager's factory. */
    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    /**
     * Root events published outside any listener (ticks from a feed, operator commands) use their own idempotent,
     * non-transactional producer. It is not a bean, so Boot's transactional producer factory stays the only one.
     */
    @Bean(destroyMethod = "close")
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> kafkaTemplate, KafkaProperties kafka) {
        return new EventPublisher(kafkaTemplate, new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties()));
    }

    @Bean
    StreamingErrorHandling streamingErrorHandling(KafkaTemplate<Object, Object> kafkaTemplate,
                                                  EventPublisher eventPublisher, StreamingProperties streaming,
                                                  PlatformProperties platform, Clock clock) {
        Map<String, String> namespaces = new HashMap<>();
        Topics.all(platform.brokers()).forEach(t -> namespaces.put(t.name(), t.namespace()));
        return new StreamingErrorHandling(kafkaTemplate, eventPublisher.root(), streaming,
                topic -> namespaces.getOrDefault(topic, "unknown"), clock);
    }

    @Bean
    BatchProcessor batchProcessor(EventPublisher eventPublisher, StreamingErrorHandling errorHandling,
                                  ObjectProvider<DataSource> dataSource) {
        return new BatchProcessor(eventPublisher, errorHandling, dataSource.getIfAvailable());
    }

    /**
     * The default container factory, for read-process-write stages: batch listeners ({@link BatchProcessor}) in one
     * Kafka transaction per poll (Boot's transaction manager), offsets acknowledged by the processor; after a
     * rollback the batch is redelivered after its group's first back-off interval. Every container gets static
     * group membership and assignment tracking for readiness ({@link ListenerAssignments}).
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> kafkaConsumerFactory, StreamingErrorHandling errorHandling,
            ListenerAssignments listenerAssignments) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, kafkaConsumerFactory);
        batchesAcknowledgedByTheProcessor(factory);
        factory.setContainerCustomizer(container -> {
            container.setAfterRollbackProcessor(
                    new SeekBackAfterRollback(errorHandling.backOff(container.getGroupId(), 1)));
            listenerAssignments.configure(container);
        });
        return factory;
    }

    /**
     * For consumers that only read (last prices, trading-state announcements, probes): batch listeners without a
     * Kafka transaction; offsets are committed when the processor acknowledges, dead letters go through the root
     * producer.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> readOnlyContainerFactory(
            ConsumerFactory<Object, Object> kafkaConsumerFactory, ListenerAssignments listenerAssignments) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(kafkaConsumerFactory);
        batchesAcknowledgedByTheProcessor(factory);
        factory.setContainerCustomizer(listenerAssignments::configure);
        return factory;
    }

    private static void batchesAcknowledgedByTheProcessor(ConcurrentKafkaListenerContainerFactory<Object, Object> f) {
        f.setBatchListener(true);
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        // a negatively acknowledged batch pauses its partitions for the back-off; the pause is checked after each
        // poll, so the poll timeout is the back-off's resolution
        f.getContainerProperties().setPollTimeout(NACK_RESOLUTION.toMillis());
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaAdminClient) {
        return new KafkaHealthIndicator(kafkaAdminClient, Duration.ofSeconds(5));
    }
}
