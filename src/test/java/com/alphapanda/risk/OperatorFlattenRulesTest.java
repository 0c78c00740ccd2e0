package com.alphapanda.risk;

import static com.alphapanda.risk.RiskRulesTest.LIMITS;
import static com.alphapanda.risk.RiskRulesTest.RELIANCE;
import static com.alphapanda.risk.RiskRulesTest.T;
import static com.alphapanda.risk.RiskRulesTest.context;
import static com.alphapanda.risk.RiskRulesTest.state;
import static com.alphapanda.risk.RiskRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.OperatorRequest;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OperatorFlattenRulesTest {

    static TradingSignal flatten(SignalType side, long qty) {
        return new TradingSignal(StrategyId.of("s1"), RELIANCE, side, Quantity.of(qty), null, T, null, null,
                "operator flatten", new OperatorRequest("alice", "end of day"));
    }

    @Test
    void anOperatorFlattenPassesEveryRuleWhileTheBrokerIsHaltedAndTheDailyCapIsReached() {
        RiskContext c = with(context(flatten(SignalType.SELL, 1500), 1500), LIMITS, 1, 50, "-90000", "1000",
                state(TradingState.HALTED));
        RiskRules.Verdict verdict = RiskRules.standard().evaluate(c);
        assertThat(verdict.reasonCodes()).isEmpty();
        assertThat(verdict.riskChecks()).containsEntry("OperatorFlatten", true).containsEntry("TradingState", true);
    }

    @Test
    void anOperatorFlattenThatNoLongerReducesThePositionIsRejected() {
        RiskContext alreadyFlat = context(flatten(SignalType.SELL, 10), 0);
        RuleResult result = new OperatorFlattenRule().check(alreadyFlat);
        assertThat(result.reasonCode()).isEqualTo("FLATTEN_NOT_REDUCING");
        assertThat(result.message()).contains("does not reduce the position 0");
        assertThat(new OperatorFlattenRule().check(context(flatten(SignalType.SELL, 20), 10)).passed()).isFalse();
        assertThat(new OperatorFlattenRule().check(context(flatten(SignalType.BUY, 10), -10)).passed()).isTrue();
    }

    @Test
    void aStrategySignalIsStillHaltedAndCappedLikeBefore() {
        TradingSignal strategySell = new TradingSignal(StrategyId.of("s1"), RELIANCE, SignalType.SELL, Quantity.of(10),
                null, T, BigDecimal.ONE, null, "exit");
        RiskContext c = with(context(strategySell, 10), LIMITS, 1, 50, "0", "100", state(TradingState.HALTED));
        assertThat(RiskRules.standard().evaluate(c).reasonCodes())
                .containsExactly("TRADING_HALTED", "MAX_DAILY_TRADES");
        assertThat(new OperatorFlattenRule().check(c).passed()).isTrue();
    }
}
