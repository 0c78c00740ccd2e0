package com.alphapanda.monitoring;

import com.alphapanda.api.LiveEvents;
import com.alphapanda.core.jobs.ClusterJobs;
import com.alphapanda.core.platform.ConditionalOnService;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.Service;
import com.alphapanda.instrument.NseCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires consumer-lag collection, alerts, the end-to-end probe and pipeline liveness. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MonitoringConfiguration {

    @Bean
    LagAlerts lagAlerts(MonitoringProperties properties) {
        return new LagAlerts(properties.lagAlertEnabled(), properties.consumerLagThreshold(),
                properties.consumerLagSecondsThreshold(), properties.alertAfterSamples());
    }

    @Bean(destroyMethod = "close")
    RecordTimestamps recordTimestamps(KafkaProperties kafka, PlatformProperties platform,
                                      MonitoringProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, platform.instanceId() + "-lag-monitor");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new RecordTimestamps(new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), properties.lag().requestTimeout());
    }

    @Bean
    ConsumerLagMonitor consumerLagMonitor(Admin kafkaAdminClient, RecordTimestamps recordTimestamps,
                                          LagAlerts lagAlerts, MonitoringProperties properties,
                                          LagMetrics lagMetrics, Clock clock, PlatformProperties platform,
                                          KafkaListenerEndpointRegistry listeners) {
        MonitoringProperties.Lag lag = properties.lag();
        RetiredInstanceGroups retired = new RetiredInstanceGroups(() -> listeners.getAllListenerContainers().stream()
                .map(MessageListenerContainer::getGroupId).toList(), platform.instanceId());
        return new ConsumerLagMonitor(
                new BrokerOffsetsReader(kafkaAdminClient, lag.groupPrefix(), lag.requestTimeout(), retired),
                recordTimestamps,
                new LagAssembler(lag.windowSamples(), lag.window(), properties.consumerLagThreshold()),
                lagAlerts, lagMetrics, clock);
    }

    @Bean
    PipelineActivity pipelineActivity(MeterRegistry registry, Clock clock) {
        return new PipelineActivity(registry, clock);
    }

    /** Every instance publishes its stages' activity; a monitoring instance reads every instance's. */
    @Bean
    ClusterPipelineActivity clusterPipelineActivity(PipelineActivity activity, StringRedisTemplate redis,
                                                    PlatformProperties platform, Clock clock) {
        return new ClusterPipelineActivity(activity, redis, platform.instanceId(), ACTIVITY_PUBLISH_INTERVAL,
                ACTIVITY_KEPT_FOR, clock);
    }

    @Bean
    PipelineMonitor pipelineMonitor(PipelineActivity activity, ClusterPipelineActivity instances,
                                    PlatformProperties platform, NseCalendar calendar,
                                    MonitoringProperties properties, Clock clock, MeterRegistry registry) {
        return new PipelineMonitor(activity, instances, platform.brokers(), MarketHours.regularSession(calendar),
                properties.pipeline().staleAfter(), clock, registry);
    }

    @Bean
    NewTopic monitoringProbeTopic(MonitoringProperties properties) {
        return TopicBuilder.name(properties.probe().topic()).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(3_600_000L)).build();
    }

    @Bean(destroyMethod = "close")
    EndToEndProbe endToEndProbe(KafkaProperties kafka, PlatformProperties platform, MonitoringProperties properties,
                                MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.probe().interval().toMillis() + 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, platform.instanceId() + "-probe");
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer());
        return new EndToEndProbe(factory, properties.probe().topic(), platform.instanceId(),
                registry);
    }

    /** How often an instance publishes its pipeline activity for the others. */
    static final java.time.Duration ACTIVITY_PUBLISH_INTERVAL = java.time.Duration.ofSeconds(2);
    /** How long the last published activity of an instance that stopped publishing still counts. */
    static final java.time.Duration ACTIVITY_KEPT_FOR = java.time.Duration.ofMinutes(10);

    /** Cluster job: storing and announcing consumer-lag alerts, by one instance at a time. */
    static final String LAG_ALERTS_JOB = "monitoring.lag-alerts";

    @Bean
    LagAlertStore lagAlertStore(JdbcClient jdbc) {
        return new LagAlertStore(jdbc);
    }

    @Bean
    LagMetrics lagMetrics(MeterRegistry registry, LagAlerts lagAlerts) {
        return new LagMetrics(registry, lagAlerts);
    }

    @Bean
    @ConditionalOnService(Service.MONITORING)
    MonitoringSchedule monitoringSchedule(ConsumerLagMonitor lag, PipelineMonitor pipeline, EndToEndProbe probe,
                                          MonitoringProperties properties, LagAlerts lagAlerts,
                                          LagAlertStore lagAlertStore, LagMetrics lagMetrics, LiveEvents liveEvents,
                                          ClusterJobs jobs) {
        return new MonitoringSchedule(lag, pipeline, probe, properties,
                new LagAlertJob(lagAlerts, lagAlertStore, lagMetrics, liveEvents, jobs.job(LAG_ALERTS_JOB)),
                liveEvents);
    }
}
