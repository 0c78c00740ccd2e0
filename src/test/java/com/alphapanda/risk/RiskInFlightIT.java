package com.alphapanda.risk;

import static com.alphapanda.risk.RiskTestDatabase.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.OperatorRequest;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topics;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is in flight, as the risk manager reads it from PostgreSQL: a validated signal counts until the portfolio's
 * order view shows its order filled, failed, cancelled or expired. The order view rows are written here as the
 * portfolio manager's order projection writes them from the venue's order events.
 */
class RiskInFlightIT {

    static RiskTestDatabase db;

    final StrategyId strategy = PipelineTestSupport.freshStrategy("risk_flight");
    final InstrumentToken instrument = PipelineTestSupport.freshInstrument();
    RiskInstance risk = new RiskInstance(db.dataSource, new RiskProperties(Map.of()));

    @BeforeAll
    static void start() {
        db = new RiskTestDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void aValidatedSignalWhoseOrderIsNotSeenYetCountsTowardsThePositionLimit() {
        assertThat(decide(SignalType.BUY, 600)).isInstanceOf(ValidatedSignal.class);

        RejectedSignal rejected = (RejectedSignal) decide(SignalType.BUY, 600);
        assertThat(rejected.reasonCodes()).containsExactly("MAX_POSITION_SIZE");
        assertThat(rejected.rejectionReason())
                .isEqualTo("MaxPositionSize: Position size 1200 (600 in flight) exceeds maximum 1000");
        assertThat(decide(SignalType.BUY, 400)).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void aPartlyFilledOpenOrderCountsItsFilledQuantityAsPositionAndItsRemainderAsInFlight() {
        Envelope<? extends RiskDecisionEvent> first = judge(signal(SignalType.BUY, 600));
        submitted(first, 600);
        filled(first, 200);

        assertThat(((RejectedSignal) decide(SignalType.BUY, 401)).rejectionReason())
                .isEqualTo("MaxPositionSize: Position size 1001 (400 in flight) exceeds maximum 1000");
        assertThat(decide(SignalType.BUY, 400)).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void aFullyFilledOrderCountsOnlyAsThePosition() {
        Envelope<? extends RiskDecisionEvent> first = judge(signal(SignalType.BUY, 600));
        submitted(first, 600);
        filled(first, 600);

        assertThat(((RejectedSignal) decide(SignalType.BUY, 401)).rejectionReason())
                .isEqualTo("MaxPositionSize: Position size 1001 exceeds maximum 1000");
        assertThat(settled(first)).isTrue();
        assertThat(decide(SignalType.BUY, 400)).isInstanceOf(ValidatedSignal.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED", "CANCELLED", "IOC_REMAINDER_CANCELLED", "INSUFFICIENT_CASH"})
    void aFailedCancelledOrExpiredOrderStopsCounting(String reasonCode) {
        Envelope<? extends RiskDecisionEvent> first = judge(signal(SignalType.BUY, 600));
        submitted(first, 600);
        assertThat(decide(SignalType.BUY, 600)).isInstanceOf(RejectedSignal.class);
        assertThat(settled(first)).isFalse();

        ended(first, reasonCode);

        assertThat(decide(SignalType.BUY, 1000)).isInstanceOf(ValidatedSignal.class);
        assertThat(settled(first)).as("marked, so that later batches skip it").isTrue();
    }

    @Test
    void aSignalTheBrokerRefusedBeforePlacingAnOrderStopsCounting() {
        Envelope<? extends RiskDecisionEvent> first = judge(signal(SignalType.BUY, 600));
        db.jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, failure_code,
                                    failure_message, failed_quantity, updated_at)
                VALUES (:id, 'paper', :s, :t, 'BUY', 'SESSION_UNAVAILABLE', 'not logged in', 600, now())""")
                .param("id", first.id().asString()).param("s", strategy.value()).param("t", instrument.value())
                .update();

        assertThat(decide(SignalType.BUY, 1000)).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void aSignalValidatedBeforeTheLastSessionCloseNoLongerCounts() {
        assertThat(risk.judge(List.of(RiskTestDatabase.signal(strategy, instrument, SignalType.BUY, 600, "100",
                SESSION.minus(Duration.ofDays(1))))).getFirst().payload()).isInstanceOf(ValidatedSignal.class);

        assertThat(decide(SignalType.BUY, 1000)).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void anInstrumentWithASignalInFlightCountsAsAnOpenPosition() {
        risk = new RiskInstance(db.dataSource, limits(new RiskProperties.Limits(null, null, null, null, null, 1,
                null, null)));
        assertThat(decide(SignalType.BUY, 10)).isInstanceOf(ValidatedSignal.class);

        RejectedSignal other = (RejectedSignal) risk.judge(List.of(RiskTestDatabase.signal(strategy,
                InstrumentToken.of(instrument.value() + 1), SignalType.BUY, 10, "100", SESSION.plusSeconds(1))))
                .getFirst().payload();
        assertThat(other.reasonCodes()).containsExactly("MAX_OPEN_POSITIONS");
        assertThat(decide(SignalType.BUY, 10)).as("more of the same instrument").isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void theNotionalInFlightOnTheSameSideCountsTowardsTheMaximumOrderNotional() {
        risk = new RiskInstance(db.dataSource, limits(new RiskProperties.Limits(null, null, null,
                new BigDecimal("50000"), null, null, null, null)));
        assertThat(decide(SignalType.BUY, 300)).isInstanceOf(ValidatedSignal.class);

        RejectedSignal rejected = (RejectedSignal) decide(SignalType.BUY, 300);
        assertThat(rejected.reasonCodes()).containsExactly("MAX_ORDER_NOTIONAL");
        assertThat(rejected.rejectionReason())
                .isEqualTo("MaxOrderNotional: Order notional 30000 plus 30000 in flight exceeds maximum 50000");
        assertThat(decide(SignalType.SELL, 300)).as("the other side").isInstanceOf(ValidatedSignal.class);
        assertThat(decide(SignalType.BUY, 200)).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void anOperatorsFlattenIsJudgedAgainstTheFilledPositionWhileTheCancelledOrdersAreStillInFlight() {
        db.jdbc.sql("INSERT INTO positions (broker, strategy_id, instrument_token, quantity, cost_basis) "
                        + "VALUES ('paper', :s, :t, 500, 50000)")
                .param("s", strategy.value()).param("t", instrument.value()).update();
        assertThat(decide(SignalType.SELL, 500)).as("a resting take-profit").isInstanceOf(ValidatedSignal.class);

        TradingSignal flatten = new TradingSignal(strategy, instrument, SignalType.SELL, Quantity.of(500), null,
                SESSION.plusSeconds(3), null, null, "flatten", new OperatorRequest("alice", "wind down"));
        assertThat(risk.judge(List.of(Envelopes.root(Topics.signalsRaw(Broker.PAPER), flatten, "test")))
                .getFirst().payload()).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void aSignalSeenAgainGetsItsRecordedDecisionInTheSameBatchAndInALaterOne() {
        Envelope<TradingSignal> buy = signal(SignalType.BUY, 600);
        List<Envelope<? extends RiskDecisionEvent>> batch = risk.judge(List.of(buy, buy));
        assertThat(batch.get(1).id()).isEqualTo(batch.get(0).id());

        RiskInstance otherInstance = new RiskInstance(db.dataSource, new RiskProperties(Map.of()));
        assertThat(otherInstance.judge(List.of(buy)).getFirst().id()).isEqualTo(batch.get(0).id());
        assertThat(db.validated(strategy)).isEqualTo(1);
    }

    @Test
    void theMigrationFillsTheInFlightColumnsOfEarlierDecisionsFromTheirEnvelopes() throws IOException {
        Envelope<? extends RiskDecisionEvent> decision = judge(signal(SignalType.BUY, 600));
        String before = columns(decision);
        db.jdbc.sql("UPDATE risk_decisions SET decision_id = NULL, instrument_token = NULL, side = NULL, "
                + "quantity = NULL, reference_price = NULL, signal_time = NULL WHERE decision_id = :id")
                .param("id", decision.id().value()).update();

        String migration = new String(getClass().getResourceAsStream("/db/migration/V100__risk_in_flight.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int start = migration.indexOf("UPDATE risk_decisions");
        String backfill = migration.substring(start, migration.indexOf(';', start))
                .replace("current_date", "DATE '" + SESSION.toString().substring(0, 10) + "'")
                + " AND signal_id = '" + decision.causationId().asString() + "'";
        assertThat(db.jdbc.sql(backfill).update()).isEqualTo(1);

        assertThat(columns(decision)).isEqualTo(before).contains("BUY").contains("600");
    }

    private boolean settled(Envelope<? extends RiskDecisionEvent> decision) {
        return db.jdbc.sql("SELECT settled FROM risk_decisions WHERE signal_id = :id")
                .param("id", decision.causationId().value()).query(Boolean.class).single();
    }

    private String columns(Envelope<? extends RiskDecisionEvent> decision) {
        return db.jdbc.sql("SELECT concat_ws('|', decision_id, instrument_token, side, quantity, reference_price, "
                        + "signal_time) FROM risk_decisions WHERE signal_id = :id")
                .param("id", decision.causationId().value()).query(String.class).single();
    }

    private RiskDecisionEvent decide(SignalType side, long quantity) {
        return judge(signal(side, quantity)).payload();
    }

    private Envelope<? extends RiskDecisionEvent> judge(Envelope<TradingSignal> signal) {
        return risk.judge(List.of(signal)).getFirst();
    }

    private int sequence;

    private Envelope<TradingSignal> signal(SignalType side, long quantity) {
        return RiskTestDatabase.signal(strategy, instrument, side, quantity, "100", SESSION.plusSeconds(++sequence));
    }

    private static RiskProperties limits(RiskProperties.Limits paper) {
        return new RiskProperties(Map.of(Broker.PAPER, paper));
    }

    /** The order view after the venue's OrderSubmitted (its order id is the venue's, it carries the signal id). */
    private void submitted(Envelope<? extends RiskDecisionEvent> validated, long quantity) {
        db.jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, signal_id, quantity,
                                    order_type, time_in_force, submitted_at, updated_at)
                VALUES (:o, 'paper', :s, :t, 'BUY', :signal, :q, 'market', 'DAY', :at, :at)""")
                .param("o", orderId(validated)).param("s", strategy.value()).param("t", instrument.value())
                .param("signal", validated.id().value()).param("q", quantity)
                .param("at", Timestamp.from(SESSION)).update();
    }

    /** A fill as the ledger applies it: the position and the order's filled quantity in one transaction. */
    private void filled(Envelope<? extends RiskDecisionEvent> validated, long quantity) {
        db.jdbc.sql("UPDATE orders SET filled_quantity = filled_quantity + :q WHERE order_id = :o")
                .param("q", quantity).param("o", orderId(validated)).update();
        db.jdbc.sql("""
                INSERT INTO positions (broker, strategy_id, instrument_token, quantity, cost_basis)
                VALUES ('paper', :s, :t, :q, :q * 100)
                ON CONFLICT (broker, strategy_id, instrument_token) DO UPDATE
                    SET quantity = positions.quantity + EXCLUDED.quantity""")
                .param("s", strategy.value()).param("t", instrument.value()).param("q", quantity).update();
    }

    private void ended(Envelope<? extends RiskDecisionEvent> validated, String reasonCode) {
        db.jdbc.sql("UPDATE orders SET failure_code = :c, failure_message = 'ended' WHERE order_id = :o")
                .param("c", reasonCode).param("o", orderId(validated)).update();
    }

    private static String orderId(Envelope<? extends RiskDecisionEvent> validated) {
        return "PAPER-" + validated.id().asString();
    }
}
