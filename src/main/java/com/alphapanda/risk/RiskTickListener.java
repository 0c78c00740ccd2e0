package com.alphapanda.risk;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Keeps the last tick price of every instrument for the price band and unrealized PnL. Every instance needs every
 * instrument's price, so each consumes all partitions in its own group, and rebuilds the prices at start-up by
 * reading the retained ticks from the beginning.
 */
final class RiskTickListener implements ConsumerSeekAware {

    private final LastTickPrices lastPrices;

    RiskTickListener(LastTickPrices lastPrices) {
        this.lastPrices = lastPrices;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(id = "risk-manager.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.risk-manager.ticks.${alpha-panda.instance-id}")
    void onTick(Envelope<MarketEvent> envelope) {
        switch (envelope.payload()) {
            case MarketTick tick -> lastPrices.update(tick);
        }
    }
}
