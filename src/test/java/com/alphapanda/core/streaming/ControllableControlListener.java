package com.alphapanda.core.streaming;

import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.TradingStateChanged;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/** A listener of the control topic whose failures the test controls: permanent, transient for N attempts. */
@TestConfiguration
public class ControllableControlListener {
    public final List<String> reasons = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> transientFailuresLeft = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Autowired
    BatchProcessor batches;

    private final BatchStage<ControlEvent> stage = BatchStage.of(ControlEvent.class, (envelope, record) -> {
        switch (envelope.payload()) {
            case TradingStateChanged changed -> {
                attempts.computeIfAbsent(changed.reason(), r -> new AtomicInteger()).incrementAndGet();
                AtomicInteger failures = transientFailuresLeft.get(changed.reason());
                if (failures != null && failures.getAndDecrement() > 0) {
                    throw new TransientDataAccessResourceException("database briefly unavailable");
                }
                reasons.add(changed.reason());
            }
        }
    });

    @KafkaListener(topics = "alpha-panda.control", groupId = "alpha-panda.streaming-it.control")
    void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }
}
