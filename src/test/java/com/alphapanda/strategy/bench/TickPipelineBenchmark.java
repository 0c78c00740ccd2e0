package com.alphapanda.strategy.bench;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.InstrumentUniverse;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ticks per second through {@code market.ticks} → strategy runner on the embedded broker (one runner consumer thread,
 * read-process-write transactions), with momentum and mean_reversion on the 20 bundled instruments. Baseline: the
 * rate at which the same ticks are published and acknowledged on {@code market.ticks} (the feed's side alone).
 * Run: see PERFORMANCE.md, section "Market data and strategies".
 */
public final class TickPipelineBenchmark {

    private static final int WARM_UP = 1_000;
    private static final int TICKS = 4_000;
    private static final int RUNS = 3;

    private TickPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path seed = Files.createTempFile("bench-strategies", ".yaml");
        String tokens = InstrumentUniverse.bundledTokens().stream().map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
        Files.writeString(seed, "- {strategy_name: bench_momentum, strategy_type: momentum, instrument_tokens: "
                + tokens + "}\n- {strategy_name: bench_mean_reversion, strategy_type: mean_reversion, "
                + "instrument_tokens: " + tokens + "}\n");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AlphaPandaApplication.class)
                .web(WebApplicationType.NONE)
                .properties("alpha-panda.market-feed.source=none", "alpha-panda.embedded.storage=temporary",
                        "alpha-panda.strategies.seed-file=" + seed, "logging.level.com.alphapanda=WARN",
                        "logging.level.org.apache.kafka=ERROR")
                .properties(extraProperties(args))
                .run()) {
            awaitLeaders(context.getBean(Admin.class));
            EventPublisher publisher = context.getBean(EventPublisher.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            List<MarketTick> ticks = StrategyBenchmark.randomWalk(InstrumentUniverse.bundledTokens(), 7);
            int offset = 0;
            runOnce(publisher, meters, ticks, offset, WARM_UP);
            offset += WARM_UP;
            double[] published = new double[RUNS];
            double[] evaluated = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                double[] rates = runOnce(publisher, meters, ticks, offset, TICKS);
                offset += TICKS;
                published[run] = rates[0];
                evaluated[run] = rates[1];
            }
            Arrays.sort(published);
            Arrays.sort(evaluated);
            System.out.printf("%d ticks per run, %d runs, JDK %s%n", TICKS, RUNS, Runtime.version());
            System.out.printf("baseline: published and acknowledged on market.ticks  median %,.0f ticks/s%n",
                    published[RUNS / 2]);
            System.out.printf("market.ticks -> strategy runner (2 strategies x 20 instruments) median %,.0f ticks/s"
                    + " (min %,.0f, max %,.0f); ratio to baseline %.3f%n", evaluated[RUNS / 2], evaluated[0],
                    evaluated[RUNS - 1], evaluated[RUNS / 2] / published[RUNS / 2]);
        }
    }

    /** Publishes ticks [offset, offset + n) and returns {published/s, evaluated/s}. */
    private static double[] runOnce(EventPublisher publisher, MeterRegistry meters, List<MarketTick> ticks,
                                    int offset, int n) throws InterruptedException {
        double before = evaluated(meters);
        long started = System.nanoTime();
        CompletableFuture<?>[] sends = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            MarketTick tick = ticks.get(offset + i);
            sends[i] = publisher.publish(Topics.MARKET_TICKS, Envelopes.root(Topics.MARKET_TICKS, tick, "bench"));
        }
        CompletableFuture.allOf(sends).join();
        double publishedSeconds = (System.nanoTime() - started) / 1e9;
        while (evaluated(meters) < before + n) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new double[] {n / publishedSeconds, n / seconds};
    }

    /** Right after creation a partition may still be electing its leader; sending then can fail. */
    private static void awaitLeaders(Admin admin) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            TopicDescription d = admin.describeTopics(List.of(Topics.MARKET_TICKS.name())).allTopicNames().get()
                    .get(Topics.MARKET_TICKS.name());
            if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                Thread.sleep(2_000);
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Extra Spring properties given as {@code name=value} arguments (e.g. to compare producer settings). */
    private static String[] extraProperties(String[] args) {
        return Arrays.stream(args).filter(a -> a.contains("=")).toArray(String[]::new);
    }

    private static double evaluated(MeterRegistry meters) {
        return meters.get("strategy.ticks.evaluated").counter().count();
    }
}
