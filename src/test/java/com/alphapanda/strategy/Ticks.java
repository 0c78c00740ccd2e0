package com.alphapanda.strategy;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/** Builds ticks for strategy tests: one instrument, one tick a second from 10:00 IST on Monday 2026-01-05. */
final class Ticks {

    static final InstrumentToken TOKEN = InstrumentToken.of(738561);
    static final Instant START = LocalDateTime.parse("2026-01-05T10:00:00")
            .atZone(com.alphapanda.instrument.NseCalendar.IST).toInstant();

    private Ticks() {
    }

    static MarketTick at(int second, String price) {
        return MarketTick.ltp(TOKEN, Price.of(price), START.plusSeconds(second));
    }

    /** Feeds prices one a second and returns each tick's outcome. */
    static <S> List<Optional<StrategySignal>> feed(Strategy<S> strategy, String... prices) {
        S state = strategy.newState();
        List<Optional<StrategySignal>> results = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            results.add(strategy.evaluate(at(i, prices[i]), state));
        }
        return results;
    }
}
