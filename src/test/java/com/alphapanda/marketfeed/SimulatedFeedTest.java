package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.instrument.MarketPhase;
import com.alphapanda.instrument.NseCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedFeedTest {

    private static final NseCalendar CALENDAR = NseCalendar.withBundledHolidays();
    private static final Instant MONDAY_10AM = ist("2026-01-05T10:00:00");

    private static Instant ist(String time) {
        return LocalDateTime.parse(time).atZone(NseCalendar.IST).toInstant();
    }

    private static List<MarketTick> run(long seed, int rounds) {
        Map<InstrumentToken, BigDecimal> start = new LinkedHashMap<>();
        start.put(InstrumentToken.of(738561), new BigDecimal("2500"));
        start.put(InstrumentToken.of(256265), new BigDecimal("24000"));
        GbmPrices prices = new GbmPrices(seed, start, BigDecimal.ZERO, new BigDecimal("0.001"));
        List<MarketTick> ticks = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ticks.addAll(prices.next(MONDAY_10AM.plusSeconds(i)));
        }
        return ticks;
    }

    @Test
    void theSameSeedGivesTheSameTicksAndAnotherSeedOthers() {
        assertThat(run(7, 50)).isEqualTo(run(7, 50));
        assertThat(run(7, 50)).isNotEqualTo(run(8, 50));
    }

    @Test
    void pricesMoveOnTheNseTickGridAndStayPositive() {
        List<MarketTick> ticks = run(1, 500);

        assertThat(ticks).hasSize(1000);
        assertThat(ticks).allSatisfy(t -> assertThat(t.lastPrice().value().remainder(new BigDecimal("0.05")))
                .isEqualByComparingTo("0"));
        assertThat(ticks.stream().map(t -> t.lastPrice().value()).distinct().count()).isGreaterThan(10);
    }

    @Test
    void sessionTimeStartsInsideASessionAndSkipsNightsWeekendsAndHolidays() {
        SimulatedSession inSession = new SimulatedSession(CALENDAR, MONDAY_10AM);
        SimulatedSession fromSaturday = new SimulatedSession(CALENDAR, ist("2026-01-10T12:00:00"));
        SimulatedSession beforeFridayClose = new SimulatedSession(CALENDAR, ist("2026-01-23T15:29:59"));

        assertThat(inSession.now()).isEqualTo(MONDAY_10AM);
        assertThat(fromSaturday.now()).isEqualTo(ist("2026-01-09T09:15:01"));
        // Friday close → Monday 26 January is Republic Day → Tuesday open
        assertThat(beforeFridayClose.advance(Duration.ofSeconds(2))).isEqualTo(ist("2026-01-27T09:15:01"));
        for (int i = 0; i < 100; i++) {
            assertThat(CALENDAR.phaseAt(fromSaturday.advance(Duration.ofMinutes(7)))).isEqualTo(MarketPhase.OPEN);
        }
    }

    @Test
    void aFullHandOffDropsAndCountsTicksInsteadOfBlocking() throws InterruptedException {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        TickHandOff handOff = new TickHandOff(2, null, meters, "test");
        List<MarketTick> ticks = run(3, 2);

        assertThat(handOff.offer(ticks.get(0))).isTrue();
        assertThat(handOff.offer(ticks.get(1))).isTrue();
        assertThat(handOff.offer(ticks.get(2))).isFalse();
        assertThat(handOff.offer(ticks.get(3), Duration.ofMillis(10))).isFalse();
        assertThat(meters.get("market.feed.ticks.dropped").tag("source", "test").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("market.feed.queue.size").gauge().value()).isEqualTo(2.0);
    }
}
