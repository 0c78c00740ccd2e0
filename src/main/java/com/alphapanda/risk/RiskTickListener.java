package com.alphapanda.risk;

import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Keeps the last tick price of every instrument for the price band and unrealized PnL. Every instance needs every
 * instrument's price, so each consumes all partitions in its own group, and rebuilds the prices at start-up by
 * reading the retained ticks from the beginning. It only reads: no Kafka transaction.
 */
final class RiskTickListener implements ConsumerSeekAware {

    private final BatchProcessor batches;
    private final BatchStage<MarketEvent> stage;

    RiskTickListener(LastTickPrices lastPrices, BatchProcessor batches) {
        this.batches = batches;
        this.stage = BatchStage.of(MarketEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> lastPrices.update(tick);
            }
        });
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(id = "risk-manager.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.risk-manager.ticks.${alpha-panda.instance-id}",
            containerFactory = "readOnlyContainerFactory")
    void onTicks(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }
}
