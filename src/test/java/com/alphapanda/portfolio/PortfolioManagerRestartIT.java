package com.alphapanda.portfolio;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio manager is stopped mid-stream (its consumers stopped, its in-memory state and the Redis read model
 * discarded) while fills keep arriving, some of them redelivered or duplicated, then restarted: no fill is lost and
 * none is applied twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class PortfolioManagerRestartIT {

    static final int FILLS = 90;

    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    PortfolioManager manager;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @LocalServerPort
    int port;

    final StrategyId strategy = PipelineTestSupport.freshStrategy("restart");
    final InstrumentToken instrument = PipelineTestSupport.freshInstrument();

    @Test
    void killingAndRestartingThePortfolioManagerMidStreamLosesNoFillAndAppliesNoneTwice() {
        ExpectedBook expected = new ExpectedBook();
        List<Envelope<OrderEvent>> envelopes = new ArrayList<>();
        for (int i = 0; i < FILLS; i++) {
            SignalType side = i % 3 == 2 ? SignalType.SELL : SignalType.BUY;
            long quantity = side == SignalType.BUY ? 4 : 5;
            BigDecimal price = new BigDecimal(100 + i % 7 + ".25");
            BigDecimal fee = ExpectedBook.fee(quantity, price);
            expected.fill(instrument, side, quantity, price, fee);
            OrderFilled fill = new OrderFilled("ord-" + strategy + "-" + i, "fill-" + strategy + "-" + i, strategy,
                    instrument, side, Quantity.of(quantity), Price.of(price), Money.of(fee), SESSION.plusSeconds(i));
            envelopes.add(Envelopes.root(Topics.ordersFilled(Broker.PAPER), fill, "test"));
        }
        MessageListenerContainer container = listeners.getListenerContainer(PortfolioListeners.ORDERS_LISTENER_ID);

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < FILLS; i++) {
                publish(envelopes.get(i));
                if (i % 10 == 0) {
                    publish(envelopes.get(i)); // a redelivery: the very same event again
                }
                if (i % 7 == 0) {
                    publish(Envelopes.root(Topics.ordersFilled(Broker.PAPER), envelopes.get(i).payload(), "replay"));
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedFills() >= FILLS / 4);
        container.stop();
        redis.delete(List.of("paper:portfolio:" + strategy.value(), "paper:portfolios"));
        stream.join();
        long appliedWhileDown = appliedFills();
        manager.rebuild(); // what a restarted instance does at start-up
        container.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = stored();
            return p != null && p.get("fill_count").asLong() == FILLS;
        });
        assertThat(appliedWhileDown).isLessThan(FILLS);
        assertThat(jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id = :s").param("s", strategy.value())
                .query(Long.class).single()).isEqualTo(FILLS);
        JsonNode portfolio = stored();
        assertThat(SignalsToPortfolioPipelineIT.decimal(portfolio, "cash")).isEqualByComparingTo(expected.cash);
        assertThat(SignalsToPortfolioPipelineIT.decimal(portfolio, "fees")).isEqualByComparingTo(expected.fees);
        assertThat(SignalsToPortfolioPipelineIT.decimal(portfolio, "realized_pnl").subtract(expected.realized).abs())
                .isLessThan(new BigDecimal("0.000001"));
        assertThat(portfolio.get("positions").get(0).get("quantity").asLong())
                .isEqualTo(expected.quantity(instrument));
        assertThat(deadLettersMentioning(strategy.value())).as("a duplicate is skipped, not dead-lettered").isZero();
    }

    private long appliedFills() {
        return jdbc.sql("SELECT COALESCE(max(fill_count), 0) FROM portfolio_accounts WHERE strategy_id = :s")
                .param("s", strategy.value()).query(Long.class).single();
    }

    private void publish(Envelope<? extends OrderEvent> envelope) {
        publisher.publish(Topics.ordersFilled(Broker.PAPER), envelope).join();
    }

    private JsonNode stored() {
        String json = redis.opsForValue().get("paper:portfolio:" + strategy.value());
        return json == null ? null : SignalsToPortfolioPipelineIT.read(json);
    }

    private long deadLettersMentioning(String text) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long found = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ordersFilled(Broker.PAPER).deadLetterName()));
            for (int i = 0; i < 10; i++) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(text)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }
}
