package com.alphapanda.core.streaming;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.topic.TopicDeclaration;
import com.alphapanda.core.topic.TopicProperties;
import com.alphapanda.core.topic.TopicProvisioner;
import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

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
                                                 TopicProperties topics) {
        return () -> provisioner.provision(
                TopicDeclaration.of(Topics.all(platform.brokers()), topics.deadLetterRetention()));
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Envelope<?>> kafkaTemplate) {
        return new EventPublisher(kafkaTemplate);
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
