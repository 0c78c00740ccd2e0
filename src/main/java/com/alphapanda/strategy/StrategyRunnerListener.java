package com.alphapanda.strategy;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.TickPosition;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Consumes {@code market.ticks} (group {@code alpha-panda.strategy-runner.ticks}) and hands ticks to the runner, one
 * Kafka transaction per poll: the signals of a batch and its offsets commit together. The strategies' state follows
 * partition ownership: on assignment each partition's instruments are rebuilt from the ticks before the committed
 * offset ({@link StrategyStateRestorer}), on revocation they are dropped. A tick seen again (its batch's transaction
 * rolled back after it was folded) first rebuilds its partition's state up to it, so no tick is folded twice.
 */
class StrategyRunnerListener implements ConsumerSeekAware {

    static final String GROUP = "alpha-panda.strategy-runner.ticks";
    private static final Logger log = LoggerFactory.getLogger(StrategyRunnerListener.class);

    private final BatchProcessor batches;
    private final BatchStage<MarketEvent> stage;
    private final StrategyStateRestorer restorer;
    /** Per owned partition: the offset after the last tick folded into the state. */
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    StrategyRunnerListener(StrategyRunner runner, BatchProcessor batches, PipelineActivity activity,
                           Collection<Broker> brokers, StrategyStateRestorer restorer) {
        this.batches = batches;
        this.restorer = restorer;
        List<Broker> reported = List.copyOf(brokers);
        this.stage = BatchStage.of(MarketEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> {
                    rebuildIfSeenAgain(record);
                    runner.onTick(envelope.narrow(MarketTick.class),
                            new TickPosition(record.partition(), record.offset()));
                    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    reported.forEach(b -> activity.record(PipelineStage.STRATEGY_RUNNER, b, tick.timestamp()));
                }
            }
        });
    }

    private void rebuildIfSeenAgain(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long expected = next.get(partition);
        if (expected != null && record.offset() < expected) {
            log.info("{} redelivered from offset {} after a rollback: rebuilding its strategy state", partition,
                    record.offset());
            restorer.restore(partition, record.offset());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.forEach((partition, position) -> {
            try {
                restorer.restore(partition, position);
            } catch (RuntimeException e) {
                log.error("Strategy state of {} not rebuilt; its strategies warm up again from offset {}", partition,
                        position, e);
            }
            next.put(partition, position);
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            next.remove(partition);
            restorer.drop(partition);
        }
    }

    @KafkaListener(id = "strategy-runner", groupId = GROUP,
            topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            concurrency = "${alpha-panda.strategies.runner-concurrency:4}")
    void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }
}
