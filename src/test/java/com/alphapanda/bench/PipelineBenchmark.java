package com.alphapanda.bench;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Risk, paper trading and portfolio on the embedded servers (one JVM, temporary storage):
 * <ul>
 *   <li>baseline: a tick published and read back by a read_committed consumer (Kafka transport alone);</li>
 *   <li>signal → fill: a raw signal published until its {@code OrderFilled} is readable (risk manager + paper
 *       venue, two transactional hops);</li>
 *   <li>fill → portfolio updated: an {@code OrderFilled} published until the Redis read model shows it;</li>
 *   <li>throughput: fills/s the portfolio manager applies from a backlog.</li>
 * </ul>
 * Sequential, one event in flight, after a warm-up. Run:
 * {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * && java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) com.alphapanda.bench.PipelineBenchmark}
 */
public final class PipelineBenchmark {

    static final int WARMUP = 150;
    static final int RUNS = 500;
    static final int BACKLOG = 3000;
    static final Instant SESSION = Instant.parse("2026-12-01T05:00:00Z");

    private final ConfigurableApplicationContext context;
    private final EventPublisher publisher;
    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final String bootstrap;

    PipelineBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.publisher = context.getBean(EventPublisher.class);
        this.redis = context.getBean(StringRedisTemplate.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.bootstrap = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AlphaPandaApplication.class)
                .properties("alpha-panda.embedded.storage=temporary", "server.port=0", "logging.level.root=WARN",
                        "logging.level.com.alphapanda=WARN")
                .run()) {
            new PipelineBenchmark(context).run();
        }
    }

    void run() throws Exception {
        long[] baseline = measure("baseline", this::tickRoundTrip);
        long[] signalToFill = measure("signal->fill", this::signalToFill);
        long[] fillToPortfolio = measure("fill->portfolio", this::fillToPortfolio);
        double fillsPerSecond = throughput();
        System.out.printf(Locale.ROOT, "%n| Path | p50 | p99 | ratio p50 / baseline p50 |%n|---|---|---|---|%n");
        row("baseline: tick publish → consumed (Kafka only)", baseline, baseline);
        row("signal → fill (risk + paper venue)", signalToFill, baseline);
        row("fill → portfolio updated in Redis", fillToPortfolio, baseline);
        System.out.printf(Locale.ROOT, "%nPortfolio manager throughput from a backlog of %d fills: %.0f fills/s%n",
                BACKLOG, fillsPerSecond);
    }

    interface Sample {
        long nanos(int i) throws Exception;
    }

    long[] measure(String name, Sample sample) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sample.nanos(i);
        }
        long[] runs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            runs[i] = sample.nanos(WARMUP + i);
        }
        Arrays.sort(runs);
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms%n", name, ms(p(runs, 50)), ms(p(runs, 99)));
        return runs;
    }

    private KafkaConsumer<String, byte[]> consumer;
    private String consumerTopic;

    long tickRoundTrip(int i) {
        KafkaConsumer<String, byte[]> c = consumer(Topics.MARKET_TICKS.name());
        InstrumentToken token = InstrumentToken.of(90_000_000L + i);
        long start = System.nanoTime();
        Envelope<MarketTick> tick = publish(Topics.MARKET_TICKS, MarketTick.ltp(token, Price.of("100"), SESSION));
        awaitRecord(c, tick.id().asString());
        return System.nanoTime() - start;
    }

    long signalToFill(int i) {
        KafkaConsumer<String, byte[]> c = consumer(Topics.ordersFilled(Broker.PAPER).name());
        // a strategy and instrument per 40 signals: under the daily-trade, open-position and position limits
        StrategyId strategy = StrategyId.of("bench_s2f_" + (i / 40));
        InstrumentToken token = InstrumentToken.of(80_000_000L + i / 40);
        long start = System.nanoTime();
        publish(Topics.signalsRaw(Broker.PAPER), new TradingSignal(strategy, token,
                SignalType.BUY, Quantity.of(1), Price.of("100"), SESSION.plusMillis(i), null, null, null));
        awaitRecord(c, "\"instrument_token\":" + token.value() + ",");
        return System.nanoTime() - start;
    }

    long fillToPortfolio(int i) {
        StrategyId strategy = StrategyId.of("bench_f2p");
        String key = "paper:portfolio:" + strategy.value();
        long start = System.nanoTime();
        publish(Topics.ordersFilled(Broker.PAPER), fill(strategy, "f2p-" + i, i));
        String marker = "\"fill_count\":" + (i + 1) + ",";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String json = redis.opsForValue().get(key);
            if (json != null && json.contains(marker)) {
                return System.nanoTime() - start;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("portfolio not updated within 30 s");
    }

    double throughput() throws InterruptedException {
        StrategyId[] strategies = new StrategyId[9];
        for (int s = 0; s < strategies.length; s++) {
            strategies[s] = StrategyId.of("bench_tp_" + s);
        }
        var container = context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
                .getListenerContainer("portfolio-manager.orders");
        container.stop();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            StrategyId strategy = strategies[i % strategies.length];
            Envelope<OrderFilled> envelope = Envelopes.root(Topics.ordersFilled(Broker.PAPER),
                    fill(strategy, "tp-" + i, i), "bench");
            sends.add(publisher.publish(Topics.ordersFilled(Broker.PAPER), envelope));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        long start = System.nanoTime();
        container.start();
        while (applied("bench_tp_%") < BACKLOG) {
            Thread.sleep(20);
        }
        return BACKLOG / (ms(System.nanoTime() - start) / 1000.0);
    }

    private long applied(String pattern) {
        return jdbc.sql("SELECT COALESCE(sum(fill_count), 0) FROM portfolio_accounts WHERE strategy_id LIKE :p")
                .param("p", pattern).query(Long.class).single();
    }

    private OrderFilled fill(StrategyId strategy, String id, int i) {
        SignalType side = i % 2 == 0 ? SignalType.BUY : SignalType.SELL;
        return new OrderFilled("ord-" + id, "fill-" + id, strategy, InstrumentToken.of(70_000_000L + i % 5), side,
                Quantity.of(1), Price.of("100.05"), Money.of("0.10"), SESSION.plusMillis(i));
    }

    private <F extends com.alphapanda.core.event.EventPayload, E extends F> Envelope<E> publish(Topic<F> topic,
                                                                                              E payload) {
        Envelope<E> envelope = Envelopes.root(topic, payload, "bench");
        publisher.publish(topic, envelope).join();
        return envelope;
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        if (!topic.equals(consumerTopic)) {
            if (consumer != null) {
                consumer.close();
            }
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            consumerTopic = topic;
        }
        return consumer;
    }

    private static void awaitRecord(KafkaConsumer<String, byte[]> c, String contains) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(1))) {
                if (new String(r.value(), StandardCharsets.UTF_8).contains(contains)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no record containing " + contains + " within 30 s");
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void row(String name, long[] runs, long[] baseline) {
        System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.1f× |%n", name, ms(p(runs, 50)), ms(p(runs, 99)),
                (double) p(runs, 50) / p(baseline, 50));
    }
}
