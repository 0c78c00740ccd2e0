package com.alphapanda.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.instrument.NseCalendar;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LowFrequencyDemoStrategyTest {

    private final LowFrequencyDemoStrategy strategy =
            new LowFrequencyDemoStrategy(Duration.ofSeconds(900), 2, null, Quantity.of(1));

    private static MarketTick tick(long token, String istTime) {
        return MarketTick.ltp(InstrumentToken.of(token), Price.of("250.5"),
                LocalDateTime.parse(istTime).atZone(NseCalendar.IST).toInstant());
    }

    @Test
    void signalsAtMostOncePerIntervalOfEventTimeAndUpToTheDailyCap() {
        LowFrequencyDemoStrategy.State state = strategy.newState();

        assertThat(strategy.evaluate(tick(738561, "2025-06-02T09:20:00"), state)).isPresent();
        assertThat(strategy.evaluate(tick(738561, "2025-06-02T09:34:59"), state)).isEmpty();
        assertThat(strategy.evaluate(tick(738561, "2025-06-02T09:35:00"), state)).isPresent();
        assertThat(strategy.evaluate(tick(738561, "2025-06-02T10:30:00"), state)).isEmpty(); // cap of 2 reached
        assertThat(strategy.evaluate(tick(738561, "2025-06-03T09:20:00"), state)).isPresent(); // new IST day
    }

    @Test
    void autoSideBuysEvenTokensAndSellsOddOnesAtTheTickPriceWithHalfConfidence() {
        StrategySignal odd = strategy.evaluate(tick(738561, "2025-06-02T09:20:00"), strategy.newState()).orElseThrow();

        assertThat(odd.side()).isEqualTo(SignalType.SELL);
        StrategySignal buy = strategy.evaluate(tick(260104, "2025-06-02T09:20:00"), strategy.newState()).orElseThrow();
        assertThat(buy.side()).isEqualTo(SignalType.BUY);
        assertThat(buy.confidence()).isEqualByComparingTo("0.5");
        assertThat(buy.price().value()).isEqualByComparingTo("250.5");
        assertThat(buy.quantity()).isEqualTo(Quantity.of(1));
    }
}
