package com.alphapanda.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    static final InstrumentToken RELIANCE = InstrumentToken.of(738561);
    static final Instant T = Instant.parse("2026-11-26T05:00:00Z");
    static final RiskLimits LIMITS = RiskLimits.defaults(new BigDecimal("1000000"));

    static TradingSignal signal(SignalType side, long qty, String price) {
        return new TradingSignal(StrategyId.of("s1"), RELIANCE, side, Quantity.of(qty),
                price == null ? null : Price.of(price), T, null, null, null);
    }

    static RiskContext context(TradingSignal signal, long position) {
        return new RiskContext(Broker.PAPER, signal, LIMITS, position, position == 0 ? 0 : 1, 0, BigDecimal.ZERO,
                new BigDecimal("100"), TradingStatus.initial(Broker.PAPER));
    }

    static RiskContext with(RiskContext c, RiskLimits limits, int open, long validated, String dayPnl, String last,
                            TradingStatus status) {
        return new RiskContext(c.broker(), c.signal(), limits, c.currentQuantity(), open, validated,
                new BigDecimal(dayPnl), last == null ? null : new BigDecimal(last), status);
    }

    static TradingStatus state(TradingState state) {
        return new TradingStatus(Broker.PAPER, state, "exchange outage", "operator", T);
    }

    @Test
    void maxPositionSizeRejectsWhenThePositionFromFillsPlusTheSignalExceedsTheMaximum() {
        RuleResult result = new MaxPositionSizeRule().check(context(signal(SignalType.BUY, 200, "100"), 900));
        assertThat(result.passed()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("MAX_POSITION_SIZE");
        assertThat(result.message()).isEqualTo("Position size 1100 exceeds maximum 1000");
    }

    @Test
    void maxPositionSizePassesUpToTheMaximumAndForSellsThatReduce() {
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.BUY, 100, "100"), 900)).passed()).isTrue();
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.SELL, 100, "100"), 1500)).passed())
                .isTrue();
        assertThat(new MaxPositionSizeRule().check(context(signal(SignalType.SELL, 1100, "100"), 0)).message())
                .isEqualTo("Position size 1100 exceeds maximum 1000");
    }

    @Test
    void maxDailyTradesRejectsTheFiftyFirstValidatedSignalOfTheDay() {
        RiskContext c = context(signal(SignalType.BUY, 1, "100"), 0);
        assertThat(new MaxDailyTradesRule().check(with(c, LIMITS, 0, 49, "0", "100", c.tradingStatus())).passed())
                .isTrue();
        RuleResult result = new MaxDailyTradesRule().check(with(c, LIMITS, 0, 50, "0", "100", c.tradingStatus()));
        assertThat(result.passed()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("MAX_DAILY_TRADES");
        assertThat(result.message()).isEqualTo("Daily trade limit 50 exceeded for strategy s1");
    }

    @Test
    void priceLimitRejectsADeviationAboveTenPercentWithTheReferenceMessage() {
        RiskContext c = context(signal(SignalType.BUY, 1, "111.20"), 0);
        RuleResult result = new PriceLimitRule().check(c);
        assertThat(result.passed()).isFalse();
        assertThat(result.reasonCode()).isEqualTo("PRICE_LIMIT");
        assertThat(result.message()).isEqualTo("Price deviation 11.20% exceeds limit 10.00%");
        assertThat(new PriceLimitRule().check(context(signal(SignalType.BUY, 1, "110.00"), 0)).passed()).isTrue();
    }

    @Test
    void priceLimitPassesWithoutASignalPriceOrWithoutATick() {
        assertThat(new PriceLimitRule().check(context(signal(SignalType.BUY, 1, null), 0)).passed()).isTrue();
        RiskContext noTick = context(signal(SignalType.BUY, 1, "500"), 0);
        assertThat(new PriceLimitRule().check(with(noTick, LIMITS, 0, 0, "0", null, noTick.tradingStatus())).passed())
                .isTrue();
    }

    @Test
    void maxOrderNotionalDefaultsToTheStartingCash() {
        RuleResult result = new MaxOrderNotionalRule().check(context(signal(SignalType.BUY, 1001, "1000"), 0));
        assertThat(result.reasonCode()).isEqualTo("MAX_ORDER_NOTIONAL");
        assertThat(result.message()).isEqualTo("Order notional 1001000 exceeds maximum 1000000");
        assertThat(new MaxOrderNotionalRule().check(context(signal(SignalType.BUY, 1000, "1000"), 0)).passed())
                .isTrue();
    }

    @Test
    void dailyLossLimitRejectsNewExposureOnceFivePercentOfStartingCashIsLost() {
        RiskContext c = context(signal(SignalType.BUY, 1, "100"), 10);
        RuleResult result = new DailyLossLimitRule().check(with(c, LIMITS, 1, 0, "-50000", "100", c.tradingStatus()));
        assertThat(result.reasonCode()).isEqualTo("DAILY_LOSS_LIMIT");
        assertThat(result.message()).isEqualTo("Daily loss 50000 exceeds limit 50000.00 for strategy s1");
        assertThat(new DailyLossLimitRule().check(with(c, LIMITS, 1, 0, "-49999.99", "100", c.tradingStatus()))
                .passed()).isTrue();
        RiskContext reducing = context(signal(SignalType.SELL, 5, "100"), 10);
        assertThat(new DailyLossLimitRule().check(with(reducing, LIMITS, 1, 0, "-90000", "100",
                reducing.tradingStatus())).passed()).isTrue();
    }

    @Test
    void maxOpenPositionsRejectsANewInstrumentAtTheMaximumButNotAnExistingOne() {
        RiskContext fresh = context(signal(SignalType.BUY, 1, "100"), 0);
        RuleResult result = new MaxOpenPositionsRule().check(with(fresh, LIMITS, 20, 0, "0", "100",
                fresh.tradingStatus()));
        assertThat(result.reasonCode()).isEqualTo("MAX_OPEN_POSITIONS");
        assertThat(result.message()).isEqualTo("Open positions 20 at maximum 20 for strategy s1");
        RiskContext existing = context(signal(SignalType.BUY, 1, "100"), 5);
        assertThat(new MaxOpenPositionsRule().check(with(existing, LIMITS, 20, 0, "0", "100",
                existing.tradingStatus())).passed()).isTrue();
    }

    @Test
    void instrumentAllowListRejectsOtherInstrumentsWhenConfigured() {
        RiskContext c = context(signal(SignalType.BUY, 1, "100"), 0);
        RiskLimits onlyInfy = new RiskLimits(1000, 50, BigDecimal.TEN, BigDecimal.TEN.pow(7), BigDecimal.TEN.pow(5), 20,
                Set.of(InstrumentToken.of(408065)));
        RuleResult result = new InstrumentAllowListRule().check(with(c, onlyInfy, 0, 0, "0", "100",
                c.tradingStatus()));
        assertThat(result.reasonCode()).isEqualTo("INSTRUMENT_NOT_ALLOWED");
        assertThat(result.message()).isEqualTo("Instrument 738561 not in the allow-list");
        assertThat(new InstrumentAllowListRule().check(c).passed()).isTrue();
    }

    @Test
    void haltedRejectsEverythingIncludingAReducingSell() {
        RiskContext c = context(signal(SignalType.SELL, 10, "100"), 50);
        RuleResult result = new TradingStateRule().check(with(c, LIMITS, 1, 0, "0", "100",
                state(TradingState.HALTED)));
        assertThat(result.reasonCode()).isEqualTo("TRADING_HALTED");
        assertThat(result.message()).isEqualTo("Trading halted for paper: exchange outage");
    }

    @Test
    void reducingPassesOnlyASellThatReducesALongPosition() {
        TradingStatus reducing = state(TradingState.REDUCING);
        RiskContext sell = context(signal(SignalType.SELL, 10, "100"), 50);
        assertThat(new TradingStateRule().check(with(sell, LIMITS, 1, 0, "0", "100", reducing)).passed()).isTrue();
        RiskContext buy = context(signal(SignalType.BUY, 10, "100"), 50);
        RuleResult rejected = new TradingStateRule().check(with(buy, LIMITS, 1, 0, "0", "100", reducing));
        assertThat(rejected.reasonCode()).isEqualTo("TRADING_REDUCING");
        RiskContext flip = context(signal(SignalType.SELL, 60, "100"), 50);
        assertThat(new TradingStateRule().check(with(flip, LIMITS, 1, 0, "0", "100", reducing)).passed()).isFalse();
        RiskContext flat = context(signal(SignalType.SELL, 10, "100"), 0);
        assertThat(new TradingStateRule().check(with(flat, LIMITS, 0, 0, "0", "100", reducing)).passed()).isFalse();
    }

    @Test
    void everyRuleIsEvaluatedAndFailuresAreJoinedInTheReferenceFormat() {
        RiskContext c = context(signal(SignalType.BUY, 1200, "120"), 0);
        RiskRules.Verdict verdict = RiskRules.standard().evaluate(c);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.riskChecks()).hasSize(9).containsEntry("MaxPositionSize", false)
                .containsEntry("PriceLimit", false).containsEntry("TradingState", true);
        assertThat(verdict.reasonCodes()).containsExactly("MAX_POSITION_SIZE", "PRICE_LIMIT");
        assertThat(verdict.rejectionReason()).isEqualTo("MaxPositionSize: Position size 1200 exceeds maximum 1000; "
                + "PriceLimit: Price deviation 20.00% exceeds limit 10.00%");
    }

    @Test
    void limitsResolveStrategyOverBrokerOverDefaults() {
        var strategy = new RiskProperties.Limits(200L, null, null, null, null, null, null, null);
        var broker = new RiskProperties.Limits(500L, 10, null, null, null, null, null,
                java.util.Map.of("s1", strategy));
        RiskProperties properties = new RiskProperties(java.util.Map.of(Broker.PAPER, broker));
        RiskLimits s1 = properties.limitsFor(Broker.PAPER, "s1", new BigDecimal("200000"));
        assertThat(s1.maxPositionSize()).isEqualTo(200);
        assertThat(s1.maxDailyTrades()).isEqualTo(10);
        assertThat(s1.maxOrderNotional()).isEqualByComparingTo("200000");
        assertThat(s1.dailyLossLimit()).isEqualByComparingTo("10000");
        assertThat(properties.limitsFor(Broker.PAPER, "s2", BigDecimal.ONE).maxPositionSize()).isEqualTo(500);
        assertThat(properties.limitsFor(Broker.ZERODHA, "s1", BigDecimal.ONE).maxPositionSize()).isEqualTo(1000);
    }
}
