package com.alphapanda.execution.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.portfolio.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random signal sequences through the paper venue, their fills booked as the portfolio manager books them. */
class PaperFillSequenceProperties {

    record Order(SignalType side, long quantity, BigDecimal price) {
    }

    @Property
    void quantityNeverGoesNegativeWithoutShortSellingAndTheBooksAgree(@ForAll("orders") List<Order> orders) {
        run(orders, false, true);
    }

    @Property
    void withShortSellingEnabledSellsMayGoShortAndTheBooksStillAgree(@ForAll("orders") List<Order> orders) {
        run(orders, true, false);
    }

    private static void run(List<Order> orders, boolean shorting, boolean neverNegative) {
        PaperSettings d = PaperSettings.defaults();
        PaperSettings settings = new PaperSettings(d.slippagePercent(), d.charges(), d.startingCash(), Map.of(),
                300_000, 3, 1, null, BigDecimal.ZERO, null, Set.of(), null, shorting, Duration.ZERO,
                PaperSettings.NSE_TICK);
        PaperVenueFixture f = new PaperVenueFixture(settings);
        Position position = Position.FLAT;
        BigDecimal cash = settings.startingCash();
        int i = 0;
        for (Order order : orders) {
            var request = PaperVenueFixture.request(order.side(), order.quantity(), order.price().toPlainString(),
                    OrderInstruction.MARKET_DAY, PaperVenueFixture.T0.plusSeconds(i++));
            for (OrderFilled fill : PaperVenueFixture.fills(f.place(request))) {
                position = position.apply(fill.side(), fill.quantity().value(), fill.fillPrice().value()).position();
                cash = cash.add(Position.cashFlow(fill.side(), fill.quantity().value(), fill.fillPrice().value(),
                        fill.fees().value()));
                if (neverNegative) {
                    assertThat(position.quantity()).isNotNegative();
                }
            }
            assertThat(position.quantity()).isEqualTo(f.venue.held("s1", PaperVenueFixture.RELIANCE));
            assertThat(cash).isEqualByComparingTo(f.venue.cash("s1"));
        }
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        return Combinators.combine(Arbitraries.of(SignalType.BUY, SignalType.SELL), Arbitraries.longs().between(1, 300),
                        Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("3000")).ofScale(2))
                .as(Order::new).list().ofMaxSize(30);
    }
}
