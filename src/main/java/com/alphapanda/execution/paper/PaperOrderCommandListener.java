package com.alphapanda.execution.paper;

import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.OrderCommand;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.streaming.EventPublisher;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The paper venue's listener of operator commands ({@code paper.orders.commands}): a cancel ends a working order with
 * an {@code OrderFailed} {@code CANCELLED}, published in the batch's Kafka transaction and journaled like every other
 * input of the venue, so a redelivered command re-publishes the same event instead of cancelling twice.
 */
final class PaperOrderCommandListener {

    private final BatchProcessor batches;
    private final BatchStage<OrderCommand> stage;

    PaperOrderCommandListener(PaperTradingEngine engine, EventPublisher publisher, BatchProcessor batches) {
        this.batches = batches;
        this.stage = new VenueStage<>(engine, OrderCommand.class, records -> engine.beginCommands(),
                (envelope, record) -> {
            switch (envelope.payload()) {
                case CancelOrder cancel -> engine.onCancel(envelope, cancel, VenueStage.source(record))
                        .forEach(e -> publisher.publish(PaperTradingEngine.topicOf(e.payload()), e));
            }
        });
    }

    @KafkaListener(id = "paper-trading.commands",
            topics = "#{T(com.alphapanda.core.topic.Topics).orderCommands(T(com.alphapanda.core.event.Broker).PAPER).name()}",
            groupId = "alpha-panda.paper-trading.commands")
    void onCommands(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, stage);
    }
}
