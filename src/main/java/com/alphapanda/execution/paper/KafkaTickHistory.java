package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a range of {@code market.ticks} with a short-lived consumer of its own (assigned, no group, committed records
 * only), handing each tick over as it is read. A record that does not decode is skipped: the venue's tick listener
 * dead-letters it. Reading fails (transiently) when {@code timeout} passes without progress.
 */
final class KafkaTickHistory implements TickHistory {

    private static final Logger log = LoggerFactory.getLogger(KafkaTickHistory.class);

    private final ConsumerFactory<?, ?> consumers;
    private final Duration timeout;
    private final EventCodec codec = new EventCodec();

    KafkaTickHistory(ConsumerFactory<?, ?> consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    @Override
    public void read(int partition, long from, long to, Consumer<Tick> each) {
        TopicPartition tp = new TopicPartition(Topics.MARKET_TICKS.name(), partition);
        Properties own = new Properties();
        own.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        own.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = consumers.createConsumer(null, null, "-paper-catch-up", own)) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, Math.max(from, consumer.beginningOffsets(List.of(tp)).get(tp)));
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(tp) <= to) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TickHistoryUnavailable("market.ticks-" + partition + " not read up to " + to
                            + " within " + timeout + " (at " + consumer.position(tp) + ")");
                }
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    deadline = Instant.now().plus(timeout);
                    if (record.offset() <= to) {
                        decode(record).ifPresent(envelope -> each.accept(new Tick(envelope, record.offset())));
                    }
                }
            }
        }
    }

    private Optional<Envelope<MarketEvent>> decode(ConsumerRecord<?, ?> record) {
        try {
            return Optional.of(codec.decode((byte[]) record.value(), MarketEvent.class));
        } catch (EventDecodingException e) {
            log.warn("Catch-up skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The range could not be read in time: transient, the batch is retried. */
    static final class TickHistoryUnavailable extends RuntimeException {
        TickHistoryUnavailable(String message) {
            super(message);
        }
    }
}
