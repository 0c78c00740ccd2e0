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

    private BenchReport measure(ConfigurableApplicationContext context, double startup)
            throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = context.getBean(Admin.class);
        String bootstrap = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers", "");
        EventPublisher publisher = context.getBean(EventPublisher.class);
        BenchClock clock = BenchClock.startingNow();
        PortfolioProgress portfolio = new PortfolioProgress();
        List<TopicPartition> fillPartitions =
                BenchConsumers.partitions(admin, List.of(Topics.ordersFilled(PipelineObserver.BROKER).name()));
        CommittedOffsetsPoller offsets = new CommittedOffsetsPoller(admin, fillPartitions, portfolio);
        PipelineObserver observer = new PipelineObserver(
                BenchConsumers.atEnd(bootstrap, admin, PipelineObserver.topics()), clock, portfolio);
        LagSampler lag = new LagSampler(context.getBean(ConsumerLagMonitor.class));
        TickGenerator generator = new TickGenerator(publisher,
                new PriceWalk(BenchPlatform.tokens(options.instruments()), 42), clock);
        LoadRunner load = new LoadRunner(generator, observer, portfolio, lag, progress);
        int recordSize = new EventCodec().encode(Envelopes.root(Topics.MARKET_TICKS, MarketTick.ltp(
                BenchPlatform.tokens(1).getFirst(), Price.of("1000.05"), BenchClock.SESSION), "bench")).length;
        try (Baseline baseline = new Baseline(admin, bootstrap,
                context.getBean(KafkaProperties.class).buildProducerProperties(), recordSize, progress)) {
            progress.printf("baseline: producing %d-byte records as fast as the broker takes them for %s%n",
                    recordSize, DurationArgument.format(BASELINE_THROUGHPUT));
            double produced = baseline.throughput(BASELINE_THROUGHPUT, BASELINE_MAX_RECORDS);
            int hopRate = options.rate();
            LatencyStats hop = null;
            if (!options.findMax()) {
                hop = hopLatency(baseline, hopRate);
            }
            ResourceMonitor resources;
            LoadRunner.Measured measured;
            Thread observing = Thread.ofPlatform().name("bench-observer").daemon().start(observer);
            Thread polling = Thread.ofPlatform().name("bench-offsets").daemon().start(offsets);
            ProgressLine line = new ProgressLine(lag, generator, observer, load, progress);
            try {
                resources = new ResourceMonitor();
                line.start(resources);
                load.warmUp(options.rate(), options.warmup(), options.instruments());
                measured = options.findMax()
                        ? load.findMax(options.rate(), options.step(), options.duration())
                        : load.fixed(options.rate(), options.duration());
                line.stop();
            } finally {
                line.stop();
                observer.stop();
                offsets.stop();
                observing.join(Duration.ofSeconds(5));
                polling.join(Duration.ofSeconds(5));
            }
            Resources used = resources.result();
            if (hop == null) {
                hopRate = measured.step().targetRate();
                hop = hopLatency(baseline, hopRate);
            }
            BenchReport.BacklogResult backlog = null;
            if (options.backlogFills() > 0) {
                progress.printf("portfolio manager: applying a backlog of %,d fills%n", options.backlogFills());
                backlog = new PortfolioBacklog(context.getBean(KafkaListenerEndpointRegistry.class), publisher, offsets,
                        Long.toString(clock.hashCode(), 36) + System.currentTimeMillis()).run(options.backlogFills());
            }
            return report(startup, load, measured, new BenchReport.BaselineResult(recordSize, produced, hopRate, hop),
                    backlog, used, bootstrap);
        }
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
