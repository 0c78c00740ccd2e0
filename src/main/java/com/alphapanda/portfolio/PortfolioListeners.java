package com.alphapanda.portfolio;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.streaming.CorrelationContext;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;

/** The portfolio manager's Kafka listeners: order events of every enabled broker, and ticks for marking. */
class PortfolioListeners {

    /** Listener container id of the order-events consumer. */
    static final String ORDERS_LISTENER_ID = "portfolio-manager.orders";

    private final PortfolioManager manager;
    private final Map<String, Broker> brokerByTopic;

    PortfolioListeners(PortfolioManager manager, Collection<Broker> brokers) {
        this.manager = manager;
        List<Topic<OrderEvent>> topics = new ArrayList<>();
        for (Broker b : brokers) {
            topics.addAll(List.of(Topics.ordersSubmitted(b), Topics.ordersFilled(b), Topics.ordersFailed(b)));
        }
        this.brokerByTopic = topics.stream().collect(Collectors.toUnmodifiableMap(Topic::name, Topic::broker));
    }

    /** The order topics consumed (SpEL {@code __listener.orderTopics}). */
    public String[] getOrderTopics() {
        return brokerByTopic.keySet().stream().sorted().toArray(String[]::new);
    }

    @KafkaListener(id = ORDERS_LISTENER_ID, topics = "#{__listener.orderTopics}",
            groupId = "alpha-panda.portfolio-manager.orders")
    void onOrderEvent(Envelope<OrderEvent> envelope, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        Broker broker = brokerByTopic.get(topic);
        try (CorrelationContext ignored = CorrelationContext.of(envelope)) {
            switch (envelope.payload()) {
                case OrderSubmitted submitted -> manager.onSubmitted(broker, submitted);
                case OrderFilled filled -> manager.onFilled(broker, envelope.id(), filled);
                case OrderFailed failed -> manager.onFailed(broker, failed);
            }
        }
    }

    @KafkaListener(id = "portfolio-manager.ticks", topics = "#{T(com.alphapanda.core.topic.Topics).MARKET_TICKS.name()}",
            groupId = "alpha-panda.portfolio-manager.ticks")
    void onTick(Envelope<MarketEvent> envelope) {
        switch (envelope.payload()) {
            case MarketTick tick -> manager.onTick(tick);
        }
    }
}
