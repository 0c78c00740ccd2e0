package com.alphapanda.risk;

import static com.alphapanda.risk.RiskTestDatabase.SESSION;
import static com.alphapanda.risk.RiskTestDatabase.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several risk managers (as on several instances) judging signals of one strategy at the same time, each batch in its
 * own database transaction on its own thread: the strategy's lock makes them judge one after the other, each seeing
 * what the others validated.
 */
class RiskConcurrencyIT {

    static RiskTestDatabase db;
    static final RiskProperties DEFAULT_LIMITS = new RiskProperties(Map.of());

    final StrategyId strategy = PipelineTestSupport.freshStrategy("risk_conc");
    final InstrumentToken instrument = PipelineTestSupport.freshInstrument();

    @BeforeAll
    static void start() {
        db = new RiskTestDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void aSecondBuyOf600JudgedWhileTheFirstIsStillUncommittedWaitsAndIsRejectedAgainstA1000PositionLimit()
            throws Exception {
        RiskInstance first = instance();
        RiskInstance second = instance();
        CountDownLatch firstDecided = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Envelope<? extends RiskDecisionEvent>>> a = threads.submit(() -> first.judge(
                    List.of(signal(strategy, instrument, SignalType.BUY, 600, "100", SESSION)), () -> {
                        firstDecided.countDown();
                        pause(500); // the first transaction holds its decision uncommitted for a while
                    }));
            assertThat(firstDecided.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<Envelope<? extends RiskDecisionEvent>>> b = threads.submit(() -> second.judge(
                    List.of(signal(strategy, instrument, SignalType.BUY, 600, "100", SESSION.plusMillis(1)))));

            assertThat(a.get(30, TimeUnit.SECONDS).getFirst().payload()).isInstanceOf(ValidatedSignal.class);
            RejectedSignal rejected = (RejectedSignal) b.get(30, TimeUnit.SECONDS).getFirst().payload();
            assertThat(rejected.reasonCodes()).containsExactly("MAX_POSITION_SIZE");
            assertThat(rejected.rejectionReason())
                    .isEqualTo("MaxPositionSize: Position size 1200 (600 in flight) exceeds maximum 1000");
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.validated(strategy)).isEqualTo(1);
    }

    @Test
    void twoConcurrentBuysOf600FromTwoInstancesAgainstA1000PositionLimitValidateExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            StrategyId roundStrategy = PipelineTestSupport.freshStrategy("risk_race");
            List<Envelope<TradingSignal>> buys = List.of(
                    signal(roundStrategy, instrument, SignalType.BUY, 600, "100", SESSION),
                    signal(roundStrategy, instrument, SignalType.BUY, 600, "100", SESSION));
            List<RiskDecisionEvent> decisions = race(List.of(instance(), instance()),
                    List.of(List.of(List.of(buys.get(0))), List.of(List.of(buys.get(1)))));
            assertThat(decisions).as("round %d", round).hasSize(2)
                    .filteredOn(d -> d instanceof ValidatedSignal).hasSize(1);
            assertThat(decisions).filteredOn(d -> d instanceof RejectedSignal)
                    .allSatisfy(d -> assertThat(((RejectedSignal) d).reasonCodes())
                            .containsExactly("MAX_POSITION_SIZE"));
            assertThat(db.validated(roundStrategy)).isEqualTo(1);
        }
    }

    @Test
    void sixtyConcurrentSignalsFromFourInstancesAgainstADailyCapOf50ValidateExactly50() throws Exception {
        List<RiskInstance> instances = List.of(instance(), instance(), instance(), instance());
        List<List<List<Envelope<TradingSignal>>>> work = new ArrayList<>();
        int n = 0;
        for (int t = 0; t < 4; t++) {
            List<List<Envelope<TradingSignal>>> batches = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                List<Envelope<TradingSignal>> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++, n++) {
                    InstrumentToken token = InstrumentToken.of(instrument.value() + (n % 10));
                    batch.add(signal(strategy, token, SignalType.BUY, 1, "100", SESSION.plusMillis(n)));
                }
                batches.add(batch);
            }
            work.add(batches);
        }

        List<RiskDecisionEvent> decisions = race(instances, work);

        assertThat(decisions).hasSize(60).filteredOn(d -> d instanceof ValidatedSignal).hasSize(50);
        assertThat(decisions).filteredOn(d -> d instanceof RejectedSignal)
                .allSatisfy(d -> assertThat(((RejectedSignal) d).reasonCodes()).containsExactly("MAX_DAILY_TRADES"));
        assertThat(db.validated(strategy)).isEqualTo(50);
    }

    /** Each instance runs its batches on its own thread, all starting together; every decision made. */
    private static List<RiskDecisionEvent> race(List<RiskInstance> instances,
                                                List<List<List<Envelope<TradingSignal>>>> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(instances.size());
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<List<RiskDecisionEvent>>> results = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                RiskInstance instance = instances.get(i);
                List<List<Envelope<TradingSignal>>> batches = work.get(i);
                results.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<RiskDecisionEvent> made = new ArrayList<>();
                    for (var batch : batches) {
                        instance.judge(batch).forEach(d -> made.add(d.payload()));
                    }
                    return made;
                }));
            }
            List<RiskDecisionEvent> all = new ArrayList<>();
            for (var result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    private static RiskInstance instance() {
        return new RiskInstance(db.dataSource, DEFAULT_LIMITS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
