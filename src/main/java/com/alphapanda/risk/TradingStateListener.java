package com.alphapanda.risk;

import com.alphapanda.core.event.ControlEvent;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies trading-state changes on this instance: a change announced on {@code alpha-panda.control} (its own group per
 * instance, so every instance sees every announcement) makes it re-read PostgreSQL at once; it also re-reads it every
 * second.
 */
final class TradingStateListener {

    private static final Logger log = LoggerFactory.getLogger(TradingStateListener.class);

    private final TradingStates states;
    private final TradingStateStore store;
    private final Collection<com.alphapanda.core.event.Broker> brokers;
    private final BatchProcessor batches;
    private final BatchStage<ControlEvent> stage = BatchStage.of(ControlEvent.class, (envelope, record) -> {
        switch (envelope.payload()) {
            case TradingStateChanged changed -> apply(changed);
        }
    });

    TradingStateListener(TradingStates states, TradingStateStore store,
                         Collection<com.alphapanda.core.event.Broker> brokers, BatchProcessor batches) {
        this.states = states;
        this.store = store;
        this.brokers = brokers;
        this.batches = batches;
    }

    @KafkaListener(id = "risk-manager.control", topics = "#{T(com.alphapanda.core.topic.Topics).CONTROL.name()}",
            groupId = "alpha-panda.risk-manager.control.${alpha-panda.instance-id}",
            containerFactory = "readOnlyContainerFactory")
    void onControl(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }

    private void apply(TradingStateChanged changed) {
        TradingStatus stored = store.current(changed.broker());
        states.set(stored);
        log.info("Trading state of {} is now {} (by {}: {})", stored.broker().id(), stored.state(),
                stored.changedBy(), stored.reason());
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 0)
    void poll() {
        brokers.forEach(b -> states.set(store.current(b)));
    }
}
