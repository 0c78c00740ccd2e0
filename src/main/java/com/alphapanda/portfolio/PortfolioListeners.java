package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.BatchStage;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.monitoring.PipelineActivity;
import com.alphapanda.monitoring.PipelineStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The portfolio manager's Kafka listeners: order events of every enabled broker (one Kafka and one database
 * transaction per poll; read models written once per touched portfolio after the commit), and ticks for marking.
 * The tick consumer has its own group per instance ({@code alpha-panda.portfolio-manager.ticks.<instance-id>}), so
 * every instance reads every tick partition and marks every portfolio, whichever instance owns the tick partitions
 * of the other tick consumers; it only reads (no Kafka transaction): the snapshots due on the way carry
 * deterministic ids, so one published again after a redelivery is recognised and stored once.
 */
class PortfolioListeners {

    /** Listener container id of the order-events consumer. */
    static final String ORDERS_LISTENER_ID = "portfolio-manager.orders";

    private final BatchProcessor batches;
    private final Map<String, Broker> brokerByTopic;
    private final BatchStage<OrderEvent> orders;
    private final BatchStage<MarketEvent> ticks;

    PortfolioListeners(PortfolioManager manager, BatchProcessor batches, PipelineActivity activity,
                       Collection<Broker> brokers) {
        this.batches = batches;
        List<Topic<OrderEvent>> topics = new ArrayList<>();
        for (Broker b : brokers) {
            topics.addAll(List.of(Topics.ordersSubmitted(b), Topics.ordersFilled(b), Topics.ordersFailed(b)));
        }
        this.brokerByTopic = topics.stream().collect(Collectors.toUnmodifiableMap(Topic::name, Topic::broker));
        this.orders = new OrderStage(manager, activity);
        this.ticks = BatchStage.of(MarketEvent.class, (envelope, record) -> {
            switch (envelope.payload()) {
                case MarketTick tick -> manager.onTick(tick);
            }
        });
    }

    /** The order topics consumed (SpEL {@code __listener.orderTopics}). */
    public String[] getOrderTopics() {
        return brokerByTopic.keySet().stream().sorted().toArray(String[]::new);
    }

    @KafkaListener(id = ORDERS_LISTENER_ID, topics = "#{__listener.orderTopics}",
            groupId = "alpha-panda.portfolio-manager.orders")
    void onOrderEvents(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, orders);
    }

    @KafkaListener(id = "portfolio-manager.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.portfolio-manager.ticks.${alpha-panda.instance-id}",
            containerFactory = "readOnlyContainerFactory")
    void onTicks(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        batches.process(records, ack, ticks);
    }

    /** Order events: the ledger in the batch's database transaction, read models after its commit. */
    private final class OrderStage implements BatchStage<OrderEvent> {

        private final PortfolioManager manager;
        private final PipelineActivity activity;

        OrderStage(PortfolioManager manager, PipelineActivity activity) {
            this.manager = manager;
            this.activity = activity;
        }

        @Override
        public Class<OrderEvent> family() {
            return OrderEvent.class;
        }

        @Override
        public void process(Envelope<OrderEvent> envelope, ConsumerRecord<String, byte[]> record) {
            Broker broker = brokerByTopic.get(record.topic());
            Instant eventTime = switch (envelope.payload()) {
                case OrderSubmitted submitted -> {
                    manager.onSubmitted(broker, submitted);
                    yield submitted.timestamp();
                }
                case OrderFilled filled -> {
                    manager.onFilled(broker, envelope.id(), filled);
                    yield filled.timestamp();
                }
                case OrderFailed failed -> {
                    manager.onFailed(broker, failed);
                    yield failed.timestamp();
                }
            };
            activity.record(PipelineStage.PORTFOLIO_MANAGER, broker, eventTime);
        }

        @Override
        public boolean writesDatabase() {
            return true;
        }

        @Override
        public void beforeCommit() {
            manager.applyPending();
        }

        @Override
        public void afterCommit() {
            manager.flushPending();
        }

        @Override
        public void afterRollback() {
            manager.forgetPending();
        }
    }
}
