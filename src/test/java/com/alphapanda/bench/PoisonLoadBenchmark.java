package com.alphapanda.bench;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.InstrumentUniverse;
import com.alphapanda.strategy.bench.StrategyBenchmark;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 5's load test: N ticks (default 100 000) through the strategy runner (two strategies × 20 instruments, whose
 * signals flow on through risk, paper venue and portfolio), once clean and once with 10 % poison records. Checks that
 * processed + dead-lettered = sent, exactly, for the runner's group, and compares the two throughputs.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) com.alphapanda.bench.PoisonLoadBenchmark
 * [ticks] [concurrency]}.
 */
public final class PoisonLoadBenchmark {

    private PoisonLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path seed = Files.createTempFile("bench-strategies", ".yaml");
        String tokens = InstrumentUniverse.bundledTokens().stream().map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
        Files.writeString(seed, "- {strategy_name: load_momentum, strategy_type: momentum, instrument_tokens: "
                + tokens + "}\n- {strategy_name: load_mean_reversion, strategy_type: mean_reversion, "
                + "instrument_tokens: " + tokens + "}\n");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AlphaPandaApplication.class)
                .web(WebApplicationType.NONE)
                // command-line arguments: they win over the test configuration on the classpath
                .run("--alpha-panda.market-feed.source=none", "--alpha-panda.embedded.storage=temporary",
                        "--alpha-panda.strategies.seed-file=" + seed,
                        "--alpha-panda.strategies.runner-concurrency=" + concurrency,
                        "--alpha-panda.monitoring.probe.enabled=false",
                        "--logging.level.com.alphapanda=ERROR", "--logging.level.org.apache.kafka=ERROR",
                        "--logging.level.org.springframework.kafka=OFF")) {
            Thread.sleep(5_000); // leaders elected, consumers joined
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            String bootstrap = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
            List<MarketTick> walk = StrategyBenchmark.randomWalk(InstrumentUniverse.bundledTokens(), 11);
            Phase clean = run(bootstrap, meters, walk, 0, ticks, 0);
            Phase poisoned = run(bootstrap, meters, walk, ticks, ticks, 10);
            System.out.printf("%,d ticks per phase, runner concurrency %d, JDK %s%n", ticks, concurrency,
                    Runtime.version());
            for (Phase p : List.of(clean, poisoned)) {
                System.out.printf("%-14s sent %,d (poison %,d): processed %,d + dead-lettered %,d = %,d (%s); "
                                + "%,.0f ticks/s%n", p.name, p.sent, p.poison, p.processed, p.deadLettered,
                        p.processed + p.deadLettered, p.processed + p.deadLettered == p.sent ? "exact" : "MISMATCH",
                        p.rate);
            }
            System.out.printf("throughput with 10 %% poison / without: %.3f%n", poisoned.rate / clean.rate);
        }
    }

    record Phase(String name, long sent, long poison, long processed, long deadLettered, double rate) {
    }

    /** Sends n records (every k-th one poison when k > 0) and waits until the runner has handled all of them. */
    private static Phase run(String bootstrap, MeterRegistry meters, List<MarketTick> walk, int from, int n, int k)
            throws Exception {
        double processedBefore = processed(meters);
        double deadBefore = deadLettered(meters);
        EventCodec codec = new EventCodec();
        long poison = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            Future<RecordMetadata> last = null;
            for (int i = 0; i < n; i++) {
                MarketTick tick = walk.get((from + i) % walk.size());
                byte[] value;
                if (k > 0 && i % k == 0) {
                    value = ("{\"poison\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                    poison++;
                } else {
                    value = codec.encode(Envelopes.root(Topics.MARKET_TICKS, tick, "load-bench"));
                }
                last = producer.send(new ProducerRecord<>(Topics.MARKET_TICKS.name(), tick.partitionKey(), value));
            }
            last.get();
        }
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (processed(meters) - processedBefore + deadLettered(meters) - deadBefore < n
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(5_000); // anything beyond n would show up now
        long processed = Math.round(processed(meters) - processedBefore);
        long dead = Math.round(deadLettered(meters) - deadBefore);
        return new Phase(k > 0 ? "10 % poison" : "clean", n, poison, processed, dead, n / seconds);
    }

    private static double processed(MeterRegistry meters) {
        return meters.get("strategy.ticks.evaluated").counter().count()
                + Search.in(meters).name("strategy.ticks.skipped").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double deadLettered(MeterRegistry meters) {
        return Search.in(meters).name("dlq.messages").tag("service", "strategy-runner").tag("topic", "market.ticks")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
