package com.alphapanda.monitoring.bench;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.monitoring.ConsumerLagMonitor;
import com.alphapanda.monitoring.LagReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Consumer lag collection time for 10 groups × 50 partitions (every partition lagging, so every collection also
 * reads the oldest unconsumed record of 500 partitions) and the end-to-end probe's p50/p99, on the embedded broker.
 * Baseline: one Admin listOffsets round trip over the same 500 partitions, in the same run.
 * Run: see PERFORMANCE.md, section "Consumer lag monitoring".
 */
public final class LagMonitoringBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LagMonitoringBenchmark.class);
    private static final int GROUPS = 10;
    private static final int PARTITIONS = 50;
    private static final int RECORDS_PER_PARTITION = 100;
    private static final int RUNS = 20;
    private static final int PROBE_SECONDS = 60;
    private static final int PROBE_INTERVAL_MS = 200;

    private LagMonitoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AlphaPandaApplication.class)
                .run("--server.port=0", "--alpha-panda.embedded.storage=temporary",
                        "--alpha-panda.monitoring.lag.interval=1h", "--alpha-panda.monitoring.probe.interval=" + PROBE_INTERVAL_MS + "ms",
                        "--logging.level.org.apache.kafka.clients.producer.internals.Sender=ERROR",
                        "--logging.level.root=WARN", "--logging.level.com.alphapanda.monitoring.bench=INFO")) {
            probe(app.getBean(MeterRegistry.class));
            lag(app.getBean(Admin.class), app.getBean(ConsumerLagMonitor.class),
                    app.getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
        }
    }

    private static void probe(MeterRegistry registry) throws InterruptedException {
        Timer timer = registry.get("pipeline.e2e.latency").timer();
        TimeUnit.SECONDS.sleep(PROBE_SECONDS);
        Map<Double, Double> p = Arrays.stream(timer.takeSnapshot().percentileValues())
                .collect(Collectors.toMap(ValueAtPercentile::percentile, v -> v.value(TimeUnit.MILLISECONDS)));
        log.info("e2e probe: {} samples over {} s (one every {} ms, idle system, first one at start-up included),"
                        + " p50 {} ms, p99 {} ms, max {} ms", timer.count(), PROBE_SECONDS, PROBE_INTERVAL_MS, fmt(p.get(0.5)), fmt(p.get(0.99)), fmt(timer.max(TimeUnit.MILLISECONDS)));
    }

    private static void lag(Admin admin, ConsumerLagMonitor monitor, String bootstrap) throws Exception {
        List<TopicPartition> all = setUp(admin, bootstrap);
        List<Double> baseline = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> coldRead = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            monitor.collect();
            listOffsets(admin, all);
        }
        for (int run = 0; run < RUNS; run++) {
            baseline.add(listOffsets(admin, all));
            commitAll(admin, 10 + run + 1);       // committed offsets move: every timestamp lookup is new
            cold.add(collect(monitor));
            coldRead.add(monitor.lastReport().orElseThrow().collectionTime().toNanos() / 1e6);
            cached.add(collect(monitor));          // same offsets: timestamps from the cache
        }
        double base = median(baseline);
        log.info("lag collection, {} groups × {} partitions, all lagging, {} runs: baseline listOffsets {} ms;"
                        + " collection with new oldest records median {} ms (×{} baseline), max {} ms;"
                        + " with cached timestamps median {} ms (×{}), max {} ms", GROUPS, PARTITIONS, RUNS, fmt(base),
                fmt(median(cold)), fmt(median(cold) / base), fmt(max(cold)), fmt(median(cached)),
                fmt(median(cached) / base), fmt(max(cached)));
        log.info("of which reading offsets and oldest records (before metrics and alerts): median {} ms",
                fmt(median(coldRead)));
    }

    private static double collect(ConsumerLagMonitor monitor) {
        long start = System.nanoTime();
        LagReport report = monitor.collect();
        double ms = (System.nanoTime() - start) / 1e6;
        long lagging = report.groups().stream().filter(g -> g.group().startsWith("alpha-panda.bench."))
                .flatMap(g -> g.partitions().stream()).filter(p -> p.messageLag() > 0 && p.timeLag().isPresent())
                .count();
        if (lagging != (long) GROUPS * PARTITIONS) {
            throw new IllegalStateException("expected every bench partition lagging with a time lag, got " + lagging);
        }
        return ms;
    }

    private static List<TopicPartition> setUp(Admin admin, String bootstrap) throws Exception {
        List<NewTopic> topics = IntStream.range(0, GROUPS)
                .mapToObj(g -> new NewTopic("bench.lag-" + g, PARTITIONS, (short) 1)).toList();
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        List<TopicPartition> all = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (NewTopic t : topics) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    all.add(new TopicPartition(t.name(), partition));
                    for (int r = 0; r < RECORDS_PER_PARTITION; r++) {
                        producer.send(new ProducerRecord<>(t.name(), partition, null, new byte[100]));
                    }
                }
            }
        }
        commitAll(admin, 10);
        return all;
    }

    private static void commitAll(Admin admin, long offset) throws Exception {
        for (int g = 0; g < GROUPS; g++) {
            String topic = "bench.lag-" + g;
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset));
            }
            admin.alterConsumerGroupOffsets("alpha-panda.bench.group-" + g, offsets).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static double listOffsets(Admin admin, List<TopicPartition> all) throws Exception {
        long start = System.nanoTime();
        admin.listOffsets(all.stream().collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }
}
