package com.alphapanda.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LastTickPricesTest {

    private static final InstrumentToken TOKEN = InstrumentToken.of(738561);
    private static final Instant START = Instant.parse("2026-12-01T04:00:00Z");
    private static final RiskRules RULES = RiskRules.standard();
    private static final RiskLimits LIMITS = RiskLimits.defaults(new BigDecimal("10000000"));

    private static MarketTick tick(int second, String price) {
        return MarketTick.ltp(TOKEN, Price.of(price), START.plusSeconds(second));
    }

    @Test
    void thePriceAsOfATimeIsTheNewestTickAtOrBeforeItWhateverOrderTheTicksCameIn() {
        LastTickPrices prices = new LastTickPrices();
        prices.update(tick(10, "100"));
        prices.update(tick(30, "130"));
        prices.update(tick(20, "120"));

        assertThat(prices.asOf(TOKEN, START.plusSeconds(25))).isEqualByComparingTo("120");
        assertThat(prices.asOf(TOKEN, START.plusSeconds(30))).isEqualByComparingTo("130");
        assertThat(prices.asOf(TOKEN, START.plusSeconds(15))).isEqualByComparingTo("100");
        assertThat(prices.of(TOKEN)).as("newest by event time").isEqualByComparingTo("130");
        assertThat(prices.asOf(InstrumentToken.of(1), START)).isNull();
    }

    @Test
    void eachInstrumentKeepsABoundedHistoryAndAnOlderTimeGetsTheOldestPriceKept() {
        LastTickPrices prices = new LastTickPrices(3);
        for (int s = 1; s <= 5; s++) {
            prices.update(tick(s, Integer.toString(100 + s)));
        }
        prices.update(tick(0, "1"));

        assertThat(prices.asOf(TOKEN, START.plusSeconds(4))).isEqualByComparingTo("104");
        assertThat(prices.asOf(TOKEN, START.plusSeconds(1))).as("dropped: oldest kept").isEqualByComparingTo("103");
    }

    @Test
    void aSignalWaitsForTheTickReaderToReachItsTimeButNotForAnIdleReader() throws InterruptedException {
        LastTickPrices prices = new LastTickPrices();
        prices.update(tick(1, "100"));
        Thread feeder = Thread.ofPlatform().start(() -> {
            for (int s = 2; s <= 40; s++) {
                prices.update(tick(s, Integer.toString(100 + s)));
                sleep(5);
            }
        });

        assertThat(prices.awaitTicksUpTo(TOKEN, START.plusSeconds(40), Duration.ofSeconds(5), Duration.ofMillis(500)))
                .isTrue();
        assertThat(prices.asOf(TOKEN, START.plusSeconds(40))).isEqualByComparingTo("140");
        feeder.join();
        long before = System.nanoTime();
        assertThat(prices.awaitTicksUpTo(TOKEN, START.plusSeconds(99), Duration.ofSeconds(5), Duration.ofMillis(100)))
                .as("nothing more to read").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aReplayAtMaximumSpeedIsDecidedExactlyAsInRealTimeWhereasTheNewestTickWouldNot() throws InterruptedException {
        List<MarketTick> ticks = walk(2_000);
        List<TradingSignal> signals = signalsNear(ticks);

        LastTickPrices realTime = new LastTickPrices();
        List<List<String>> atSpeedOne = new ArrayList<>();
        int next = 0;
        for (TradingSignal signal : signals) {
            while (next < ticks.size() && !ticks.get(next).timestamp().isAfter(signal.timestamp())) {
                realTime.update(ticks.get(next++));
            }
            atSpeedOne.add(decide(realTime, signal, p -> p.asOf(TOKEN, signal.timestamp())));
        }

        LastTickPrices readAhead = new LastTickPrices();
        ticks.forEach(readAhead::update);
        List<List<String>> atMaxSpeed = signals.stream()
                .map(s -> decide(readAhead, s, p -> p.asOf(TOKEN, s.timestamp()))).toList();
        List<List<String>> withNewestTick = signals.stream()
                .map(s -> decide(readAhead, s, p -> p.of(TOKEN))).toList();

        LastTickPrices lagging = new LastTickPrices();
        Thread reader = Thread.ofPlatform().start(() -> ticks.forEach(t -> {
            lagging.update(t);
            if (t.timestamp().getEpochSecond() % 50 == 0) {
                sleep(1);
            }
        }));
        List<List<String>> behindTheSignals = new ArrayList<>();
        for (TradingSignal s : signals) {
            lagging.awaitTicksUpTo(TOKEN, s.timestamp(), Duration.ofSeconds(10), Duration.ofSeconds(2));
            behindTheSignals.add(decide(lagging, s, p -> p.asOf(TOKEN, s.timestamp())));
        }
        reader.join();

        assertThat(atSpeedOne).as("some signals are rejected by the price band").anyMatch(c -> !c.isEmpty());
        assertThat(atMaxSpeed).isEqualTo(atSpeedOne);
        assertThat(behindTheSignals).isEqualTo(atSpeedOne);
        assertThat(withNewestTick).as("the newest tick would decide differently").isNotEqualTo(atSpeedOne);
    }

    private static List<String> decide(LastTickPrices prices, TradingSignal signal,
                                       Function<LastTickPrices, BigDecimal> price) {
        RiskContext context = new RiskContext(Broker.PAPER, signal, LIMITS, 0, 0, 0, BigDecimal.ZERO,
                price.apply(prices), TradingStatus.initial(Broker.PAPER));
        return RULES.evaluate(context).reasonCodes();
    }

    /** A price path with large jumps, one tick a second. */
    private static List<MarketTick> walk(int seconds) {
        Random random = new Random(7);
        BigDecimal price = new BigDecimal("1000");
        List<MarketTick> ticks = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            double move = random.nextInt(20) == 0 ? random.nextGaussian() * 0.15 : random.nextGaussian() * 0.005;
            price = price.multiply(BigDecimal.valueOf(1 + move)).setScale(2, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
            ticks.add(MarketTick.ltp(TOKEN, Price.of(price.toPlainString()), START.plusSeconds(s)));
        }
        return ticks;
    }

    /** Every 25th tick a signal at that tick's time, priced up to 12 % away from it. */
    private static List<TradingSignal> signalsNear(List<MarketTick> ticks) {
        Random random = new Random(11);
        List<TradingSignal> signals = new ArrayList<>();
        for (int i = 10; i < ticks.size(); i += 25) {
            MarketTick t = ticks.get(i);
            BigDecimal price = t.lastPrice().value().multiply(BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) * 0.24))
                    .setScale(2, RoundingMode.HALF_EVEN);
            signals.add(new TradingSignal(StrategyId.of("s1"), TOKEN, SignalType.BUY, Quantity.of(1),
                    Price.of(price.toPlainString()), t.timestamp(), null, null, null));
        }
        return signals;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
