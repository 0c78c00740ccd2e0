package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes {@code market.ticks} (group {@code alpha-panda.strategy-runner.ticks}) and hands ticks to the runner, one
 * Kafka transaction per poll: the signals of a batch and its offsets commit together.
 */
class StrategyRunnerListener {

    static final String GROUP = "alpha-panda.strategy-runner.ticks";

    private final BatchProcessor batches;
    private final BatchStage<MarketEvent> stage;

    StrategyRunnerListener(StrategyRunner runner, BatchProcessor batches, PipelineActivity activity,
                           Collection<Broker> brokers) {
        this.batches = batches;
        List<Broker> reported = List.copyOf(brokers);
        this.stage = BatchStage.of(MarketEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> {
                    runner.onTick(envelope.narrow(MarketTick.class));
                    reported.forEach(b -> activity.record(PipelineStage.STRATEGY_RUNNER, b, tick.timestamp()));
                }
            }
        });
    }

    @KafkaListener(id = "strategy-runner", groupId = GROUP,
            topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            concurrency = "${alpha-panda.strategies.runner-concurrency:4}")
    void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }
}
