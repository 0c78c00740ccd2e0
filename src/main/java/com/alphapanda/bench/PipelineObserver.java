package com.alphapanda.bench;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.EventDecodingException;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The bench's read_committed consumer of the pipeline's output topics (raw, validated and rejected signals, fills
 * and failed orders of the paper broker). It feeds each record to the current {@link Correlator} and each fill to the
 * {@link PortfolioProgress}. Runs on its own thread until {@link #stop()}.
 */
final class PipelineObserver implements Runnable {

    static final Broker BROKER = Broker.PAPER;

    private final KafkaConsumer<String, byte[]> consumer;
    private final BenchClock clock;
    private final PortfolioProgress portfolio;
    private final EventCodec codec = new EventCodec();
    private volatile Correlator correlator = new Correlator();
    private volatile boolean stopped;
    private volatile long undecodable;

    PipelineObserver(KafkaConsumer<String, byte[]> consumer, BenchClock clock, PortfolioProgress portfolio) {
        this.consumer = consumer;
        this.clock = clock;
        this.portfolio = portfolio;
    }

    static List<String> topics() {
        return List.of(Topics.signalsRaw(BROKER).name(), Topics.signalsValidated(BROKER).name(),
                Topics.signalsRejected(BROKER).name(), Topics.ordersFilled(BROKER).name(),
                Topics.ordersFailed(BROKER).name());
    }

    /** Starts a new measurement: later records go to a fresh correlator; returns the one of the measurement done. */
    Correlator restart() {
        Correlator done = correlator;
        correlator = new Correlator();
        portfolio.reset();
        return done;
    }

    Correlator current() {
        return correlator;
    }

    long undecodable() {
        return undecodable;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (consumer) {
            while (!stopped) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    accept(r, BenchClock.nowMicros());
                }
            }
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r, long receivedMicros) {
        Envelope<EventPayload> e;
        try {
            e = codec.decode(r.value());
        } catch (EventDecodingException ex) {
            undecodable++;
            return;
        }
        long at = r.timestamp() * 1_000L;
        Correlator c = correlator;
        String topic = r.topic();
        if (topic.equals(Topics.signalsRaw(BROKER).name())) {
            c.signal(e.id(), clock.sentMicrosOf(e.occurredAt()), at);
        } else if (topic.equals(Topics.signalsValidated(BROKER).name())) {
            c.validated(e.id(), e.causationId(), at);
        } else if (topic.equals(Topics.signalsRejected(BROKER).name())) {
            c.rejected(e.causationId());
        } else if (topic.equals(Topics.ordersFilled(BROKER).name())) {
            c.fill(e.causationId(), at, receivedMicros);
            portfolio.fill(r.partition(), r.offset(), at);
        } else {
            c.orderFailed();
        }
    }
}
