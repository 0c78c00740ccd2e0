package com.alphapanda.bench;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.core.event.OrderEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Fills/s the portfolio manager applies on a backlog: its order consumer is paused (it keeps its partitions), the
 * fills are published to {@code paper.orders.filled} (9 bench portfolios × 5 instruments, alternating BUY and SELL),
 * then it is resumed and timed until its group has committed past all of them — each fill applied to the ledger,
 * positions and read model.
 */
final class PortfolioBacklog {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaListenerEndpointRegistry registry;
    private final EventPublisher publisher;
    private final CommittedOffsetsPoller offsets;
    private final String runId;

    PortfolioBacklog(KafkaListenerEndpointRegistry registry, EventPublisher publisher, CommittedOffsetsPoller offsets,
                     String runId) {
        this.registry = registry;
        this.publisher = publisher;
        this.offsets = offsets;
        this.runId = runId;
    }

    BenchReport.BacklogResult run(int fills) throws InterruptedException, ExecutionException, TimeoutException {
        MessageListenerContainer container = container();
        container.pause();
        try {
            awaitPaused(container);
            long before = offsets.pollOnce();
            publish(fills);
            long started = System.nanoTime();
            container.resume();
            long deadline = started + TIMEOUT.toNanos();
            long applied = 0;
            while (applied < fills && System.nanoTime() < deadline) {
                Thread.sleep(10);
                applied = offsets.pollOnce() - before;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new BenchReport.BacklogResult(fills, Math.min(applied, fills), seconds,
                    Math.min(applied, fills) / seconds, applied >= fills);
        } finally {
            if (container.isPauseRequested()) {
                container.resume();
            }
        }
    }

    private void publish(int fills) {
        Topic<OrderEvent> topic = Topics.ordersFilled(PipelineObserver.BROKER);
        CompletableFuture<?>[] sends = new CompletableFuture<?>[fills];
        for (int i = 0; i < fills; i++) {
            Envelope<OrderFilled> envelope = Envelopes.root(topic, fill(i), TickGenerator.SOURCE);
            sends[i] = publisher.publish(topic, envelope);
        }
        CompletableFuture.allOf(sends).join();
    }

    private OrderFilled fill(int i) {
        StrategyId strategy = StrategyId.of("bench_backlog_" + (i % 9));
        SignalType side = (i / 9) % 2 == 0 ? SignalType.BUY : SignalType.SELL;
        String id = runId + "-" + i;
        return new OrderFilled("bench-order-" + id, "bench-fill-" + id, strategy,
                InstrumentToken.of(70_000_001L + i % 5), side, Quantity.of(1), Price.of("100.05"), Money.of("0.10"),
                BenchClock.SESSION.plusMillis(i));
    }

    private MessageListenerContainer container() {
        return registry.getListenerContainers().stream()
                .filter(c -> CommittedOffsetsPoller.PORTFOLIO_GROUP.equals(c.getGroupId()))
                .findFirst()
                .orElseThrow(() -> new BenchException("no listener of group " + CommittedOffsetsPoller.PORTFOLIO_GROUP
                        + ": is the portfolio manager running in this instance?"));
    }

    private static void awaitPaused(MessageListenerContainer container) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!container.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new BenchException("the portfolio manager's consumer did not pause within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
