package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.SignalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void buysAverageTheCostAndSellsRealizeAgainstTheAverage() {
        Position p = Position.FLAT.apply(SignalType.BUY, 10, d("100")).position()
                .apply(SignalType.BUY, 10, d("110")).position();
        assertThat(p.averagePrice()).isEqualByComparingTo("105");
        Position.Applied sold = p.apply(SignalType.SELL, 5, d("120"));
        assertThat(sold.realizedDelta()).isEqualByComparingTo("75");
        assertThat(sold.position().quantity()).isEqualTo(15);
        assertThat(sold.position().averagePrice()).isEqualByComparingTo("105");
    }

    @Test
    void closingTheWholePositionReleasesTheRemainingCostExactly() {
        Position p = Position.FLAT.apply(SignalType.BUY, 3, d("100")).position()
                .apply(SignalType.BUY, 3, d("100.01")).position()
                .apply(SignalType.SELL, 1, d("101")).position();
        Position.Applied closed = p.apply(SignalType.SELL, 5, d("99"));
        assertThat(closed.position().quantity()).isZero();
        assertThat(closed.position().costBasis()).isEqualByComparingTo("0");
        // exact round trip: proceeds 101 + 495 − cost 300 − 300.03
        assertThat(closed.position().realized()).isEqualByComparingTo("-4.03");
    }

    @Test
    void aSellBeyondTheLongClosesItAndOpensAShortAtTheFillPrice() {
        Position.Applied flipped = Position.FLAT.apply(SignalType.BUY, 10, d("100")).position()
                .apply(SignalType.SELL, 15, d("110"));
        assertThat(flipped.realizedDelta()).isEqualByComparingTo("100");
        assertThat(flipped.position().quantity()).isEqualTo(-5);
        assertThat(flipped.position().averagePrice()).isEqualByComparingTo("110");
        assertThat(flipped.position().unrealizedAt(d("100"))).isEqualByComparingTo("50");
        Position.Applied covered = flipped.position().apply(SignalType.BUY, 5, d("90"));
        assertThat(covered.realizedDelta()).isEqualByComparingTo("100");
    }

    @Test
    void cashFlowIsTheNotionalLessFees() {
        assertThat(Position.cashFlow(SignalType.BUY, 10, d("100.05"), d("1.00"))).isEqualByComparingTo("-1001.50");
        assertThat(Position.cashFlow(SignalType.SELL, 10, d("102.051"), d("1.02"))).isEqualByComparingTo("1019.49");
    }
}
