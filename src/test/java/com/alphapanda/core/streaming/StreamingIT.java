package com.alphapanda.core.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;

/** The listener policy on a real broker: envelopes decoded per family, poison dead-lettered, transients retried. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ControllableControlListener.class)
class StreamingIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    EventPublisher publisher;

    @Autowired
    ControllableControlListener listener;

    @Test
    void poisonRecordIsDeadLetteredByteForByteAndTheNextRecordIsProcessed() {
        byte[] poison = "{not an envelope".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONTROL.name(), "paper", poison);
            record.headers().add("origin", "test".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        Envelope<TradingStateChanged> valid = publish("after poison");

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.reasons.contains("after poison"));
        // the risk manager's control listener dead-letters the poison too: take this test listener's one
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8)
                .equals("{not an envelope") && "alpha-panda.streaming-it.control".equals(
                        header(r, "kafka_dlt-original-consumer-group")));
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.key()).isEqualTo("paper");
        assertThat(new String(dead.headers().lastHeader("origin").value(), StandardCharsets.UTF_8)).isEqualTo("test");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.CONTROL.name());
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("invalid_event");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.BROKER)).isEqualTo("system");
        assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("alpha-panda.streaming-it.control");
        assertThat(valid).isNotNull();
    }

    @Test
    void transientFailureIsRetriedInPlaceAndProcessedOnce() {
        listener.transientFailuresLeft.put("flaky", new AtomicInteger(2));
        publish("flaky");

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.reasons.contains("flaky"));
        assertThat(listener.reasons.stream().filter("flaky"::equals)).hasSize(1);
        assertThat(listener.attempts.get("flaky").get()).isEqualTo(3);
    }

    @Test
    void transientFailureBeyondTheRetryBudgetIsDeadLettered() {
        listener.transientFailuresLeft.put("always down", new AtomicInteger(100));
        Envelope<TradingStateChanged> sent = publish("always down");

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(sent.id().asString()));
        assertThat(listener.attempts.get("always down").get()).isEqualTo(3);
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).contains("TransientDataAccessResourceException");
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("max_retries_exceeded");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(header(dead, EventHeaders.CORRELATION_ID)).isEqualTo(sent.correlationId());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return EventHeaders.read(record.headers(), name);
    }

    private Envelope<TradingStateChanged> publish(String reason) {
        Envelope<TradingStateChanged> envelope = Envelopes.root(Topics.CONTROL, new TradingStateChanged(Broker.PAPER,
                TradingState.ACTIVE, TradingState.ACTIVE, reason, "test", Instant.now()), "test");
        publisher.publish(Topics.CONTROL, envelope).join();
        return envelope;
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTROL.deadLetterName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(match);
            });
        }
        return seen.stream().filter(match).findFirst().orElseThrow();
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
