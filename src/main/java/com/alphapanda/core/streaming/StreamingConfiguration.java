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
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Wires the streaming glue and provisions every catalogue topic before any listener starts. */
@Configuration(proxyBeanMethods = false)
class StreamingConfiguration {

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
                                                  StreamingProperties streaming, PlatformProperties platform,
                                                  Clock clock) {
        Map<String, String> namespaces = new HashMap<>();
        Topics.all(platform.brokers()).forEach(t -> namespaces.put(t.name(), t.namespace()));
        return new StreamingErrorHandling(kafkaTemplate, streaming,
                topic -> namespaces.getOrDefault(topic, "unknown"), clock);
    }

    /**
     * Every listener container gets the error policy with its service's retry settings, and static group membership
     * with assignment tracking for readiness ({@link ListenerAssignments}).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> errorPolicyCustomizer(
            StreamingErrorHandling errorHandling, ListenerAssignments listenerAssignments) {
        return container -> {
            container.setAfterRollbackProcessor(errorHandling.forGroup(container.getGroupId()));
            listenerAssignments.configure(container);
        };
    }

    @Bean
    EnvelopeMessageConverter envelopeMessageConverter() {
        return new EnvelopeMessageConverter();
    }

    @Bean
    CorrelationRecordInterceptor correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaAdminClient) {
        return new KafkaHealthIndicator(kafkaAdminClient, Duration.ofSeconds(5));
    }
}
