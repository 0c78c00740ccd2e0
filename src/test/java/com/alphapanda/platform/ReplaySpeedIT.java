package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.core.event.Broker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Issue 12: a replay at {@code speed=max} decides exactly as at {@code speed=1}. The same short file is replayed end to
 * end by two platforms, each on fresh embedded servers: every risk decision (validated or rejected, with the rules'
 * results and reasons) and every fill are the same. The file jumps by more than the 10 % price band right after the
 * first signals, so a decision judged with a newer tick than the signal's (what a fast replay used to do) is rejected
 * by the price band instead of validated; a bracketed strategy's exits rest and trigger on the ticks right after
 * their entries, which a fast replay's venue has read before the signals arrive (it matches them again). Decisions that count orders in flight are left out on purpose: at any
 * speed but real time more of the earlier orders are still unfilled when a signal is judged.
 */
class ReplaySpeedIT {

    /** Monday 1 December 2025 in session, one tick a second: the speed=1 run lasts about 7 s. */
    private static final String TICKS = """
            timestamp,instrument_token,last_price
            2025-12-01T10:00:00+05:30,738561,100
            2025-12-01T10:00:00+05:30,81153,100
            2025-12-01T10:00:01+05:30,738561,101
            2025-12-01T10:00:01+05:30,81153,100
            2025-12-01T10:00:02+05:30,738561,140
            2025-12-01T10:00:02+05:30,81153,110
            2025-12-01T10:00:03+05:30,738561,141
            2025-12-01T10:00:03+05:30,81153,116
            2025-12-01T10:00:04+05:30,738561,100
            2025-12-01T10:00:04+05:30,81153,116
            2025-12-01T10:00:05+05:30,738561,99
            2025-12-01T10:00:05+05:30,81153,114
            2025-12-01T10:00:06+05:30,738561,99.2
            2025-12-01T10:00:06+05:30,81153,114
            2025-12-01T10:00:07+05:30,738561,150
            2025-12-01T10:00:07+05:30,81153,114
            """;
    private static final String STRATEGY = """
            - strategy_name: speed_momentum
              strategy_type: momentum
              instrument_tokens: [738561]
              parameters: {lookback_periods: 2, threshold: 0.005, position_size: 10}
            - strategy_name: speed_bracket
              strategy_type: momentum
              instrument_tokens: [81153]
              parameters: {lookback_periods: 2, threshold: 0.05, position_size: 6, take_profit_pct: 0.03,
                           stop_loss_pct: 0.015}
            """;
    /** BUY 101, BUY 140, BUY 141, SELL 100, SELL 99, BUY 150. */
    private static final int SIGNALS = 6;
    /**
     * The bracketed strategy (momentum over consecutive ticks, 5 %): BUY at 110 (t = 2 s) whose take-profit (+3 %) the
     * very next tick (116) triggers, BUY at 116 (t = 3 s) whose stop-loss (−1.5 %) triggers at t = 5 s (114). At speed=max the venue's tick reader has read
     * the whole day before the signals arrive: the exits must still meet the ticks right after their entries.
     */
    private static final int BRACKET_FILLS = 4;

    private static final String MOMENTUM = "speed_momentum:";
    private static final String BRACKET = "speed_bracket:";

    @TempDir
    Path dir;

    @Test
    void aReplayAtMaxSpeedDecidesAndFillsExactlyAsAtRealTime() throws Exception {
        Path file = Files.writeString(dir.resolve("day.csv"), TICKS);
        Path strategies = Files.writeString(dir.resolve("strategies.yaml"), STRATEGY);

        Outcome fast = run("max", file, strategies);
        Outcome realTime = run("1", file, strategies);

        assertThat(realTime.decisions()).hasSize(SIGNALS);
        assertThat(realTime.decisions()).filteredOn(d -> d.startsWith("VALIDATED")).hasSize(4);
        assertThat(realTime.decisions()).filteredOn(d -> d.startsWith("REJECTED")).satisfiesExactly(
                d -> assertThat(d).contains("SELL 10 @ 99", "MAX_DAILY_TRADES").doesNotContain("PRICE_LIMIT"),
                d -> assertThat(d).contains("BUY 10 @ 150", "MAX_DAILY_TRADES").doesNotContain("PRICE_LIMIT"));
        assertThat(realTime.fills()).hasSize(4);
        assertThat(fast.decisions()).as("decisions at speed=max").containsExactlyElementsOf(realTime.decisions());
        assertThat(fast.fills()).as("fills at speed=max").containsExactlyElementsOf(realTime.fills());
        assertThat(realTime.bracketFills()).hasSize(BRACKET_FILLS);
        assertThat(realTime.bracketFills()).filteredOn(f -> f.contains(" SELL ")).satisfiesExactly(
                f -> assertThat(f).startsWith("2025-12-01T04:30:03Z"),
                f -> assertThat(f).startsWith("2025-12-01T04:30:05Z"));
        assertThat(fast.bracketFills()).as("bracket fills at speed=max")
                .containsExactlyElementsOf(realTime.bracketFills());
    }

    /** The decisions and fills of one replay, each as text without ids (those are new in every run). */
    private record Outcome(List<String> decisions, List<String> fills, List<String> bracketFills) {
    }

    private static Outcome run(String speed, Path file, Path strategies) {
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(AlphaPandaApplication.class).run(
                "--alpha-panda.market-feed.source=replay",
                "--alpha-panda.market-feed.replay.file=" + file,
                "--alpha-panda.market-feed.replay.speed=" + speed,
                "--alpha-panda.strategies.seed-file=" + strategies,
                "--alpha-panda.risk.brokers.paper.max-daily-trades=4",
                // limits that orders in flight cannot reach: how many are in flight when a signal is judged depends
                // on how soon the earlier ones fill, i.e. on the replay's speed (docs/risk.md, "In flight")
                "--alpha-panda.risk.brokers.paper.max-order-notional=100000",
                "--alpha-panda.monitoring.probe.enabled=false")) {
            Environment env = platform.getEnvironment();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> decisions(env).size() == SIGNALS
                            && fills(env, MOMENTUM).size() == decisions(env).stream()
                            .filter(d -> d.startsWith("VALIDATED")).count());
            try {
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> fills(env, BRACKET).size() >= BRACKET_FILLS);
            } catch (org.awaitility.core.ConditionTimeoutException fewer) {
                // compared below, where the missing fills show
            }
            return new Outcome(decisions(env), fills(env, MOMENTUM), fills(env, BRACKET));
        }
    }

    private static List<String> decisions(Environment env) {
        List<Envelope<EventPayload>> decided = new java.util.ArrayList<>(
                SecondInstance.read(env, Topics.signalsValidated(Broker.PAPER).name(), MOMENTUM));
        decided.addAll(SecondInstance.read(env, Topics.signalsRejected(Broker.PAPER).name(), MOMENTUM));
        return decided.stream().map(Envelope::payload).map(ReplaySpeedIT::decision).sorted().toList();
    }

    private static String decision(EventPayload payload) {
        return switch (payload) {
            case ValidatedSignal v -> "VALIDATED " + signal(v.originalSignal()) + " as " + v.validatedQuantity()
                    + " @ " + v.validatedPrice() + " checks " + v.riskChecks() + " at " + v.timestamp();
            case RejectedSignal r -> "REJECTED " + signal(r.originalSignal()) + ": " + r.rejectionReason() + " "
                    + r.reasonCodes() + " checks " + r.riskChecks() + " at " + r.timestamp();
            default -> throw new IllegalStateException("not a decision: " + payload);
        };
    }

    private static String signal(TradingSignal s) {
        return s.timestamp() + " " + s.signalType() + " " + s.quantity() + " @ " + s.price();
    }

    private static List<String> fills(Environment env, String keyPrefix) {
        return SecondInstance.read(env, Topics.ordersFilled(Broker.PAPER).name(), keyPrefix).stream()
                .map(Envelope::payload).map(OrderFilled.class::cast)
                .sorted(Comparator.comparing(OrderFilled::timestamp))
                .map(f -> f.timestamp() + " " + f.side() + " " + f.quantity() + " @ " + f.fillPrice() + " fees "
                        + f.fees())
                .toList();
    }
}
