package com.alphapanda.bench;

import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.monitoring.ConsumerLagMonitor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * {@code ./alpha-panda bench}: starts the platform, measures the broker's baseline, puts the pipeline under load
 * (fixed rate or find-max), measures the portfolio manager on a backlog, stops the platform and returns the report.
 * Progress goes to {@code progress} about once a second.
 */
public final class Bench {

    static final Duration BASELINE_THROUGHPUT = Duration.ofSeconds(3);
    static final long BASELINE_MAX_RECORDS = 2_000_000;

    private final BenchOptions options;
    private final PrintWriter progress;

    public Bench(BenchOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the bench; {@code springArgs} ({@code --name=value}) are passed to the platform. */
    public BenchReport run(List<String> springArgs) throws InterruptedException, ExecutionException, TimeoutException {
        long started = System.nanoTime();
        progress.println("starting the platform ...");
        try (ConfigurableApplicationContext context = BenchPlatform.start(options, springArgs)) {
            BenchPlatform.awaitListeners(context.getBean(KafkaListenerEndpointRegistry.class), Duration.ofSeconds(60));
            BenchPlatform.awaitStrategies(context.getBean(io.micrometer.core.instrument.MeterRegistry.class),
                    options.strategies().size(), Duration.ofSeconds(60));
            double startup = (System.nanoTime() - started) / 1e9;
            return measure(context, startup);
        }
    }

    /** The bench's instruments around the running platform. */
    private record Probes(String bootstrap, PortfolioProgress portfolio, CommittedOffsetsPoller offsets,
                          PipelineObserver observer, LagSampler lag, TickGenerator generator, LoadRunner load) {
    }

    /** What the load produced: the reported step and the resources used meanwhile. */
    private record Loaded(LoadRunner.Measured measured, Resources resources) {
    }

    private BenchReport measure(ConfigurableApplicationContext context, double startup)
            throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = context.getBean(Admin.class);
        Probes p = probes(context, admin);
        int recordSize = tickSize();
        try (Baseline baseline = new Baseline(admin, p.bootstrap(),
                context.getBean(KafkaProperties.class).buildProducerProperties(), recordSize, progress)) {
            progress.printf("baseline: producing %d-byte records as fast as the broker takes them for %s%n",
                    recordSize, DurationArgument.format(BASELINE_THROUGHPUT));
            double produced = baseline.throughput(BASELINE_THROUGHPUT, BASELINE_MAX_RECORDS);
            LatencyStats hop = options.findMax() ? null : hopLatency(baseline, options.rate());
            Loaded loaded = underLoad(p);
            int hopRate = options.findMax() ? loaded.measured().step().targetRate() : options.rate();
            if (hop == null) {
                hop = hopLatency(baseline, hopRate);
            }
            BenchReport.BacklogResult backlog = backlog(context, p);
            return report(startup, p.load(), loaded.measured(),
                    new BenchReport.BaselineResult(recordSize, produced, hopRate, hop), backlog, loaded.resources(),
                    p.bootstrap());
        }
    }

    private Probes probes(ConfigurableApplicationContext context, Admin admin) {
        String bootstrap = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers", "");
        BenchClock clock = BenchClock.startingNow();
        PortfolioProgress portfolio = new PortfolioProgress();
        List<TopicPartition> fillPartitions =
                BenchConsumers.partitions(admin, List.of(Topics.ordersFilled(PipelineObserver.BROKER).name()));
        CommittedOffsetsPoller offsets = new CommittedOffsetsPoller(admin, fillPartitions, portfolio);
        PipelineObserver observer = new PipelineObserver(
                BenchConsumers.atEnd(bootstrap, admin, PipelineObserver.topics()), clock, portfolio);
        LagSampler lag = new LagSampler(context.getBean(ConsumerLagMonitor.class));
        TickGenerator generator = new TickGenerator(context.getBean(EventPublisher.class),
                new PriceWalk(BenchPlatform.tokens(options.instruments()), 42), clock);
        LoadRunner load = new LoadRunner(generator, observer, portfolio, lag, progress);
        return new Probes(bootstrap, portfolio, offsets, observer, lag, generator, load);
    }

    /** The size of a tick envelope as the platform writes it: the size of the baseline's records. */
    private static int tickSize() {
        return new EventCodec().encode(Envelopes.root(Topics.MARKET_TICKS, MarketTick.ltp(
                BenchPlatform.tokens(1).getFirst(), Price.of("1000.05"), BenchClock.SESSION), "bench")).length;
    }

    /** Warm-up and the step(s), with the observer, the offsets poller and the progress line running. */
    private Loaded underLoad(Probes p) throws InterruptedException {
        Thread observing = Thread.ofPlatform().name("bench-observer").daemon().start(p.observer());
        Thread polling = Thread.ofPlatform().name("bench-offsets").daemon().start(p.offsets());
        ProgressLine line = new ProgressLine(p.lag(), p.generator(), p.observer(), p.load(), progress);
        try {
            ResourceMonitor resources = new ResourceMonitor();
            line.start(resources);
            p.load().warmUp(options.rate(), options.warmup(), options.instruments());
            LoadRunner.Measured measured = options.findMax()
                    ? p.load().findMax(options.rate(), options.step(), options.duration())
                    : p.load().fixed(options.rate(), options.duration());
            line.stop();
            return new Loaded(measured, resources.result());
        } finally {
            line.stop();
            p.observer().stop();
            p.offsets().stop();
            observing.join(Duration.ofSeconds(5));
            polling.join(Duration.ofSeconds(5));
        }
    }

    private BenchReport.BacklogResult backlog(ConfigurableApplicationContext context, Probes p)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (options.backlogFills() == 0) {
            return null;
        }
        progress.printf("portfolio manager: applying a backlog of %,d fills%n", options.backlogFills());
        String runId = java.util.UUID.randomUUID().toString().substring(0, 8);
        return new PortfolioBacklog(context.getBean(KafkaListenerEndpointRegistry.class),
                context.getBean(EventPublisher.class), p.offsets(), runId).run(options.backlogFills());
    }

    private LatencyStats hopLatency(Baseline baseline, int rate) throws InterruptedException {
        progress.printf("baseline: one hop produce → read_committed consume at %,d records/s for %s%n", rate,
                DurationArgument.format(options.baseline()));
        return baseline.latency(rate, options.baseline());
    }

    private BenchReport report(double startup, LoadRunner load, LoadRunner.Measured measured,
                               BenchReport.BaselineResult baseline, BenchReport.BacklogResult backlog,
                               Resources resources, String bootstrap) {
        List<StepResult> steps = load.steps();
        double sustained = steps.stream().filter(StepResult::sustained).mapToDouble(StepResult::achievedRate).max()
                .orElse(0);
        BenchReport.Setup setup = new BenchReport.Setup(options.findMax() ? "find-max" : "fixed rate",
                options.instruments(), options.strategies(), options.rate(),
                steps.stream().mapToDouble(StepResult::seconds).sum(), bootstrap, Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(), startup);
        LatencyStats tickToFill = measured.latencies().get(BenchReport.TICK_TO_FILL);
        return new BenchReport(setup, steps, sustained, measured.step(), measured.latencies(), measured.counts(),
                baseline, BenchReport.Ratios.of(sustained, tickToFill, baseline), backlog, resources);
    }
}
