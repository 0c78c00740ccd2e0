package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketEvent;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
        "alpha-panda.market-feed.source=simulated",
        "alpha-panda.market-feed.simulated.tick-interval=50ms",
        "alpha-panda.market-feed.simulated.instruments=738561,256265"})
class MarketFeedIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    NseCalendar calendar;

    @Autowired
    MeterRegistry meters;

    @Test
    void theSimulatedFeedPublishesSharedTicksKeyedByInstrumentInsideASession() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_TICKS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 10;
            });
        }

        for (ConsumerRecord<String, byte[]> record : records) {
            Envelope<MarketEvent> envelope = new EventCodec().decode(record.value(), MarketEvent.class);
            MarketTick tick = (MarketTick) envelope.payload();
            assertThat(record.key()).isEqualTo(tick.instrumentToken().toString()).isIn("738561", "256265");
            assertThat(envelope.broker()).isEqualTo("shared");
            assertThat(envelope.source()).isEqualTo("market_feed");
            assertThat(envelope.causationId()).isNull();
            assertThat(calendar.phaseAt(tick.timestamp())).isEqualTo(MarketPhase.OPEN);
        }
        assertThat(meters.get("market.feed.ticks.published").tag("source", "simulated").counter().count())
                .isGreaterThanOrEqualTo(10.0);
        assertThat(meters.get("market.feed.ticks.dropped").tag("source", "simulated").counter().count()).isZero();
    }
}
