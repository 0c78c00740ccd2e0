package com.alphapanda.bench;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.InstrumentUniverse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The platform under test: every service in this JVM, on embedded servers with temporary storage (or the external
 * ones the Spring arguments configure), with no market feed, the bench's strategies seeded, and risk limits and
 * starting cash high enough that the run's signals reach the venue and the portfolio instead of being rejected after
 * the first minutes (the default 50 trades a day would stop the flow).
 */
final class BenchPlatform {

    static final long FIRST_SYNTHETIC_TOKEN = 90_000_001L;

    private BenchPlatform() {
    }

    static List<String> properties(Path seedFile) {
        String risk = "--alpha-panda.risk.brokers.paper.";
        return List.of("--alpha-panda.market-feed.source=none", "--alpha-panda.embedded.storage=temporary",
                "--server.port=0", "--alpha-panda.strategies.seed-file=" + seedFile,
                risk + "max-daily-trades=100000000", risk + "max-position-size=100000000",
                risk + "max-open-positions=100000", risk + "max-order-notional=1000000000000",
                risk + "daily-loss-limit=1000000000000", "--alpha-panda.paper.starting-cash=1000000000000",
                "--alpha-panda.portfolio.starting-cash=1000000000000", "--logging.level.root=WARN",
                "--logging.level.com.alphapanda=WARN", "--logging.level.org.apache.kafka=ERROR");
    }

    /** Starts the platform; the Spring arguments come last, so they override the bench's defaults. */
    static ConfigurableApplicationContext start(BenchOptions options, List<String> springArgs) {
        Path seed = seedFile(tokens(options.instruments()), options.strategies());
        List<String> args = new ArrayList<>(properties(seed));
        args.addAll(springArgs);
        try {
            return new SpringApplicationBuilder(AlphaPandaApplication.class).run(args.toArray(String[]::new));
        } finally {
            seed.toFile().deleteOnExit();
        }
    }

    /** The bundled instruments first, then synthetic tokens. */
    static List<InstrumentToken> tokens(int n) {
        List<InstrumentToken> tokens = new ArrayList<>(InstrumentUniverse.bundledTokens());
        for (long t = FIRST_SYNTHETIC_TOKEN; tokens.size() < n; t++) {
            tokens.add(InstrumentToken.of(t));
        }
        return List.copyOf(tokens.subList(0, n));
    }

    /** One strategy {@code bench_<type>} per type on every instrument, one share per signal. */
    static String strategiesYaml(Collection<InstrumentToken> tokens, List<String> types) {
        String list = tokens.stream().map(t -> Long.toString(t.value())).collect(Collectors.joining(", ", "[", "]"));
        StringBuilder yaml = new StringBuilder();
        for (String type : types) {
            yaml.append("- {strategy_name: bench_").append(type).append(", strategy_type: ").append(type)
                    .append(", brokers: [paper], instrument_tokens: ").append(list)
                    .append(", parameters: {position_size: 1}}\n");
        }
        return yaml.toString();
    }

    private static Path seedFile(List<InstrumentToken> tokens, List<String> types) {
        try {
            Path seed = Files.createTempFile("alpha-panda-bench-strategies", ".yaml");
            Files.writeString(seed, strategiesYaml(tokens, types));
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the strategy runner runs the bench's strategies (its {@code strategy_active} gauge). */
    static void awaitStrategies(io.micrometer.core.instrument.MeterRegistry meters, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var gauge = meters.find("strategy.active").gauge();
            if (gauge != null && gauge.value() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new BenchException("the strategy runner did not start the " + count + " bench strategies within "
                + timeout);
    }

    /** Waits until every running listener container has partitions assigned. */
    static void awaitListeners(KafkaListenerEndpointRegistry registry, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (registry.getListenerContainers().stream().filter(MessageListenerContainer::isRunning)
                    .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new BenchException("the platform's consumers were not all assigned partitions within " + timeout);
    }
}
