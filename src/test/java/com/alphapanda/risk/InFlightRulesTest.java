package com.alphapanda.risk;

import static com.alphapanda.risk.RiskRulesTest.LIMITS;
import static com.alphapanda.risk.RiskRulesTest.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.TradingState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The rules with validated signals in flight (not yet filled, failed, cancelled or expired). */
class InFlightRulesTest {

    static RiskContext context(TradingSignal signal, long position, int open, InFlight inFlight) {
        return new RiskContext(Broker.PAPER, signal, LIMITS, position, open, 0, BigDecimal.ZERO, new BigDecimal("100"),
                TradingStatus.initial(Broker.PAPER), inFlight);
    }

    static InFlight buys(long quantity) {
        return new InFlight(quantity, 0, BigDecimal.valueOf(quantity * 100), BigDecimal.ZERO);
    }

    static InFlight sells(long quantity) {
        return new InFlight(0, quantity, BigDecimal.ZERO, BigDecimal.valueOf(quantity * 100));
    }

    @Test
    void aBuyCountsTheBuysInFlightOnTopOfThePosition() {
        RuleResult result = new MaxPositionSizeRule().check(context(signal(SignalType.BUY, 600, "100"), 0, 1,
                buys(600)));
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("Position size 1200 (600 in flight) exceeds maximum 1000");
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.BUY, 400, "100"), 0, 1, buys(600)))
                .passed()).isTrue();
    }

    @Test
    void sellsInFlightDoNotMakeRoomForABuyAndBuysInFlightDoNotLimitASell() {
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.BUY, 200, "100"), 900, 1, sells(900)))
                .passed()).as("the sells may fail").isFalse();
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.SELL, 1000, "100"), 0, 1, buys(900)))
                .passed()).as("the buys may fail").isTrue();
    }

    @Test
    void aStrategysSellReducesOnlyWhatIsNotAlreadyBeingSold() {
        TradingStatus reducing = new TradingStatus(Broker.PAPER, TradingState.REDUCING, "wind down", "op",
                RiskRulesTest.T);
        RiskContext partly = new RiskContext(Broker.PAPER, signal(SignalType.SELL, 100, "100"), LIMITS, 500, 1, 0,
                BigDecimal.ZERO, null, reducing, sells(450));
        assertThat(partly.exposureQuantity()).isEqualTo(50);
        assertThat(new TradingStateRule().check(partly).passed()).isFalse();
        RiskContext within = new RiskContext(Broker.PAPER, signal(SignalType.SELL, 50, "100"), LIMITS, 500, 1, 0,
                BigDecimal.ZERO, null, reducing, sells(450));
        assertThat(new TradingStateRule().check(within).passed()).isTrue();
    }

    @Test
    void anInstrumentWithSomethingInFlightIsAlreadyOpen() {
        assertThat(new MaxOpenPositionsRule().check(context(signal(SignalType.BUY, 1, "100"), 0, 20, buys(5)))
                .passed()).isTrue();
        assertThat(new MaxOpenPositionsRule().check(context(signal(SignalType.BUY, 1, "100"), 0, 20, InFlight.NONE))
                .reasonCode()).isEqualTo("MAX_OPEN_POSITIONS");
    }

    @Test
    void theNotionalInFlightOnTheSignalsSideCountsTowardsTheMaximum() {
        RiskContext buy = context(signal(SignalType.BUY, 1000, "500"), 0, 1,
                new InFlight(1000, 0, new BigDecimal("500000.5000000000"), new BigDecimal("900000")));
        RuleResult result = new MaxOrderNotionalRule().check(buy);
        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .isEqualTo("Order notional 500000 plus 500000.5 in flight exceeds maximum 1000000");
        RiskContext sell = context(signal(SignalType.SELL, 100, "500"), 0, 1,
                new InFlight(1000, 0, new BigDecimal("990000"), BigDecimal.ZERO));
        assertThat(new MaxOrderNotionalRule().check(sell).passed()).isTrue();
    }
}
