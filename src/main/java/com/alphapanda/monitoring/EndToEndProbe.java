package com.alphapanda.monitoring;

import com.github.f4b6a3.uuid.UuidCreator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The end-to-end probe: periodically produces a record to the probe topic (keyed by this instance) and consumes it
 * back through a listener container like every service's, recording produce-to-consume latency as
 * {@code pipeline_e2e_latency_seconds}. Each instance has its own consumer group and ignores the records of other
 * instances and of its own earlier runs (the value carries this run's id and the JVM's nano time at send).
 */
final class EndToEndProbe implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> producer;
    private final String topic;
    private final String instanceId;
    private final String runId = UuidCreator.getTimeOrderedEpoch().toString();
    private final Timer latency;

    EndToEndProbe(DefaultKafkaProducerFactory<String, byte[]> producerFactory, String topic, String instanceId,
                  MeterRegistry registry) {
        this.producerFactory = producerFactory;
        this.producer = new KafkaTemplate<>(producerFactory);
        this.topic = topic;
        this.instanceId = instanceId;
        this.latency = Timer.builder("pipeline.e2e.latency")
                .description("Produce-to-consume latency of the probe record through the broker")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void send() {
        String value = runId + ':' + System.nanoTime();
        producer.send(topic, instanceId, value.getBytes(StandardCharsets.US_ASCII));
    }

    @KafkaListener(id = "monitoring.probe", topics = "${alpha-panda.monitoring.probe.topic:alpha-panda.monitoring.probe}",
            groupId = "alpha-panda.monitoring.probe.${alpha-panda.instance-id}",
            autoStartup = "${alpha-panda.monitoring.probe.enabled:true}",
            containerFactory = "readOnlyContainerFactory")
    void received(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        long now = System.nanoTime();
        records.forEach(record -> received(record, now));
        ack.acknowledge();
    }

    private void received(ConsumerRecord<String, byte[]> record, long now) {
        if (!instanceId.equals(record.key()) || record.value() == null) {
            return;
        }
        String value = new String(record.value(), StandardCharsets.US_ASCII);
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.substring(0, colon).equals(runId)) {
            latency.record(Duration.ofNanos(now - Long.parseLong(value.substring(colon + 1))));
        }
    }

    Timer latency() {
        return latency;
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }
}
