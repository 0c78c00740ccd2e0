package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Portfolio invariants over random fill sequences (average-cost method, realized gross of fees). */
class PositionAccountingProperties {

    static final BigDecimal START = new BigDecimal("1000000");

    record Fill(SignalType side, long quantity, BigDecimal price, BigDecimal fees) {
    }

    /** A book as the portfolio manager keeps it: position, cash, fees. */
    static final class Book {
        Position position = Position.FLAT;
        BigDecimal cash = START;
        BigDecimal fees = BigDecimal.ZERO;

        void apply(Fill f) {
            position = position.apply(f.side(), f.quantity(), f.price()).position();
            cash = cash.add(Position.cashFlow(f.side(), f.quantity(), f.price(), f.fees()));
            fees = fees.add(f.fees());
        }
    }

    @Property
    void cashPlusMarketValuePlusFeesIsConservedAtConstantPrices(@ForAll("constantPriceFills") List<Fill> fills) {
        Book book = new Book();
        BigDecimal price = fills.isEmpty() ? BigDecimal.ONE : fills.getFirst().price();
        for (Fill fill : clippedToHoldings(fills)) {
            book.apply(fill);
            assertThat(book.cash.add(book.position.marketValueAt(price)).add(book.fees)).isEqualByComparingTo(START);
            assertThat(book.position.realized()).isEqualByComparingTo("0");
        }
    }

    @Property
    void cashPlusFeesPlusMarketValueIsStartingCashPlusRealizedPlusUnrealized(
            @ForAll("fills") List<Fill> fills, @ForAll("prices") BigDecimal mark) {
        Book book = new Book();
        fills.forEach(book::apply);
        BigDecimal left = book.cash.add(book.fees).add(book.position.marketValueAt(mark));
        BigDecimal right = START.add(book.position.realized()).add(book.position.unrealizedAt(mark));
        assertThat(left).isEqualByComparingTo(right);
    }

    @Property
    void realizedEqualsAnIndependentAverageCostAndFifoRecomputation(@ForAll("fills") List<Fill> fills) {
        Book book = new Book();
        AverageCost average = new AverageCost();
        Fifo fifo = new Fifo();
        for (Fill fill : clippedToHoldings(fills)) {
            book.apply(fill);
            average.apply(fill);
            fifo.apply(fill);
            assertThat(book.position.realized().subtract(average.realized).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.000001"));
            assertThat(book.position.quantity()).isEqualTo(average.quantity).isEqualTo(fifo.quantity());
            if (book.position.quantity() == 0) {
                assertThat(book.position.realized()).as("flat: every method agrees exactly")
                        .isEqualByComparingTo(fifo.realized);
            }
        }
    }

    @Property
    void quantityNeverGoesNegativeWhenSellsAreLimitedToHoldings(@ForAll("fills") List<Fill> fills) {
        Book book = new Book();
        for (Fill fill : clippedToHoldings(fills)) {
            book.apply(fill);
            assertThat(book.position.quantity()).isNotNegative();
        }
    }

    /** Average cost recomputed with 34-digit decimals, long only. */
    static final class AverageCost {
        long quantity;
        BigDecimal average = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;

        void apply(Fill f) {
            if (f.side() == SignalType.BUY) {
                BigDecimal total = average.multiply(BigDecimal.valueOf(quantity))
                        .add(f.price().multiply(BigDecimal.valueOf(f.quantity())));
                quantity += f.quantity();
                average = total.divide(BigDecimal.valueOf(quantity), MathContext.DECIMAL128);
            } else {
                realized = realized.add(f.price().subtract(average).multiply(BigDecimal.valueOf(f.quantity())));
                quantity -= f.quantity();
                if (quantity == 0) {
                    average = BigDecimal.ZERO;
                }
            }
        }
    }

    /** First-in-first-out lots, long only. */
    static final class Fifo {
        final Deque<long[]> lots = new ArrayDeque<>();
        final Deque<BigDecimal> lotPrices = new ArrayDeque<>();
        BigDecimal realized = BigDecimal.ZERO;

        void apply(Fill f) {
            if (f.side() == SignalType.BUY) {
                lots.addLast(new long[] {f.quantity()});
                lotPrices.addLast(f.price());
                return;
            }
            long left = f.quantity();
            while (left > 0) {
                long[] lot = lots.peekFirst();
                long used = Math.min(left, lot[0]);
                realized = realized.add(f.price().subtract(lotPrices.peekFirst()).multiply(BigDecimal.valueOf(used)));
                lot[0] -= used;
                left -= used;
                if (lot[0] == 0) {
                    lots.removeFirst();
                    lotPrices.removeFirst();
                }
            }
        }

        long quantity() {
            return lots.stream().mapToLong(l -> l[0]).sum();
        }
    }

    /** What a venue that does not sell short produces: sells clipped to the holding, empty sells dropped. */
    static List<Fill> clippedToHoldings(List<Fill> fills) {
        long held = 0;
        List<Fill> out = new java.util.ArrayList<>();
        for (Fill f : fills) {
            long qty = f.side() == SignalType.SELL ? Math.min(f.quantity(), held) : f.quantity();
            if (qty > 0) {
                out.add(new Fill(f.side(), qty, f.price(), f.fees()));
                held += f.side() == SignalType.BUY ? qty : -qty;
            }
        }
        return out;
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.05"), new BigDecimal("5000")).ofScale(4);
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        return fill(prices()).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Fill>> constantPriceFills() {
        return prices().flatMap(price -> fill(Arbitraries.just(price)).list().ofMaxSize(40));
    }

    private static Arbitrary<Fill> fill(Arbitrary<BigDecimal> prices) {
        return Combinators.combine(Arbitraries.of(SignalType.BUY, SignalType.SELL), Arbitraries.longs().between(1, 500),
                        prices, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(2))
                .as((side, qty, price, fees) -> new Fill(side, qty, price, fees.setScale(2, RoundingMode.HALF_UP)));
    }
}
