package com.alphapanda.api;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.platform.Service;
import com.alphapanda.core.platform.Services;
import com.alphapanda.core.streaming.ListenerAssignments;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the live stream from the topics it follows: fills, orders, signals, rejections and trading-state changes of
 * every enabled broker. Each instance reads them all (its own consumer group, from the latest offset, committed
 * records only), whichever instance produced them: the stream is a view, so an undecodable record is skipped here
 * (the processing consumers dead-letter it). What an instance produces itself (portfolio updates, alerts, pipeline
 * status) reaches the other instances through Redis ({@link LiveEventRelay}). Both consumers run only where the
 * {@code api} service runs; every instance relays its own events.
 */
@Configuration(proxyBeanMethods = false)
class LiveStreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamConfiguration.class);

    @Bean
    LiveEventHub liveEventHub(MeterRegistry meters) {
        return new LiveEventHub(1_000, 1_000, meters);
    }

    @Bean(destroyMethod = "close")
    LiveEventRelay liveEvents(LiveEventHub hub, StringRedisTemplate redis, JsonMapper json,
                              PlatformProperties platform, MeterRegistry meters) {
        return new LiveEventRelay(hub, redis, json, platform.instanceId(), meters);
    }

    @Bean
    RedisMessageListenerContainer liveEventSubscription(RedisConnectionFactory connections, LiveEventRelay relay,
                                                        Services services) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(relay, new ChannelTopic(LiveEventRelay.CHANNEL));
        container.setAutoStartup(services.runs(Service.API));
        return container;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> liveStreamContainer(KafkaProperties kafka,
                                                                         PlatformProperties platform,
                                                                         LiveEventHub hub, Services services) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "alpha-panda.api-stream." + platform.instanceId());
        // static membership, like every listener: a restart after kill -9 takes its predecessor's place at once instead
        // of waiting out the dead member's session (readiness waits for this container's assignment too)
        consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                ListenerAssignments.groupInstanceId(platform.instanceId(), "api-stream"));
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        Map<String, String> eventNames = eventNames(platform.brokers());
        ContainerProperties properties = new ContainerProperties(eventNames.keySet().toArray(String[]::new));
        EventCodec codec = new EventCodec();
        properties.setMessageListener((MessageListener<String, byte[]>) record -> forward(record, codec,
                eventNames, hub));
        var container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new ByteArrayDeserializer()), properties);
        container.setAutoStartup(services.runs(Service.API));
        container.setCommonErrorHandler(new DefaultErrorHandler((record, e) ->
                log.debug("Live stream skipped a record of {}: {}", record.topic(), e.toString()),
                new FixedBackOff(0, 0)));
        return container;
    }

    private static void forward(ConsumerRecord<String, byte[]> record, EventCodec codec,
                                Map<String, String> eventNames, LiveEventHub hub) {
        Envelope<EventPayload> envelope = codec.decode(record.value());
        hub.deliver(envelope.id().asString(), eventNames.get(record.topic()), envelope);
    }

    /** Topic → stream event name. */
    static Map<String, String> eventNames(List<Broker> brokers) {
        Map<String, String> names = new HashMap<>();
        names.put(Topics.CONTROL.name(), LiveEvents.TRADING_STATE);
        List<Topic<?>> orders = new ArrayList<>();
        for (Broker broker : brokers) {
            names.put(Topics.ordersFilled(broker).name(), LiveEvents.FILL);
            orders.add(Topics.ordersSubmitted(broker));
            orders.add(Topics.ordersFailed(broker));
            names.put(Topics.signalsRaw(broker).name(), LiveEvents.SIGNAL);
            names.put(Topics.signalsRejected(broker).name(), LiveEvents.REJECTION);
        }
        orders.forEach(t -> names.put(t.name(), LiveEvents.ORDER));
        return names;
    }
}
