package com.alphapanda.risk;

import static com.alphapanda.PipelineTestSupport.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.PipelineTestSupport;
import com.alphapanda.cli.AlphaPandaCommand;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.CancelOrder;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.EventCodec;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.RejectedSignal;
import com.alphapanda.core.event.RiskDecisionEvent;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TradingSignal;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.ValidatedSignal;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.portfolio.PortfolioQueries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The risk manager on the embedded servers: limits against real positions and counts, and trading-state control. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class RiskManagerIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PortfolioQueries portfolios;
    @Autowired
    Environment environment;
    @LocalServerPort
    int port;

    PipelineTestSupport pipeline;
    final StrategyId strategy = PipelineTestSupport.freshStrategy("risk");
    final InstrumentToken instrument = PipelineTestSupport.freshInstrument();

    @BeforeEach
    void setUp() {
        pipeline = new PipelineTestSupport(publisher, port);
        pipeline.ensurePaperTradingActive(jdbc);
    }

    @AfterEach
    void resumeTrading() {
        trading("resume", "end of test");
    }

    @Test
    void aPositionBuiltFromFillsMakesMaxPositionRejectTheSignalThatWouldExceedIt() {
        pipeline.publish(Topics.ordersFilled(Broker.PAPER), new OrderFilled("ext-" + strategy, "fill-" + strategy,
                strategy, instrument, SignalType.BUY, Quantity.of(900), Price.of("100"), Money.of("90.00"), SESSION));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                portfolios.holdings(Broker.PAPER, strategy).containsKey(instrument));

        Envelope<TradingSignal> tooMuch = signal(SignalType.BUY, 101, SESSION.plusSeconds(1));
        Envelope<TradingSignal> upToTheLimit = signal(SignalType.BUY, 100, SESSION.plusSeconds(2));

        RejectedSignal rejected = (RejectedSignal) decision(tooMuch).payload();
        assertThat(rejected.reasonCodes()).containsExactly("MAX_POSITION_SIZE");
        assertThat(rejected.rejectionReason()).isEqualTo("MaxPositionSize: Position size 1001 exceeds maximum 1000");
        assertThat(rejected.riskChecks()).containsEntry("MaxPositionSize", false).hasSize(9);
        assertThat(decision(upToTheLimit).payload()).isInstanceOf(ValidatedSignal.class);
        assertThat(decision(upToTheLimit).correlationId()).isEqualTo(upToTheLimit.correlationId());
        assertThat(decision(upToTheLimit).causationId()).isEqualTo(upToTheLimit.id());
    }

    @Test
    void theFiftyFirstSignalOfATradingDayIsRejectedAndTheCountResetsTheNextTradingDay() {
        List<Envelope<TradingSignal>> day = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            day.add(signal(SignalType.BUY, 1, SESSION.plusSeconds(i)));
        }
        // the count is per IST trading date of the signal (event time)
        for (int i = 0; i < 50; i++) {
            assertThat(decision(day.get(i)).payload()).as("signal %d", i + 1).isInstanceOf(ValidatedSignal.class);
        }
        RejectedSignal fiftyFirst = (RejectedSignal) decision(day.get(50)).payload();
        assertThat(fiftyFirst.rejectionReason())
                .isEqualTo("MaxDailyTrades: Daily trade limit 50 exceeded for strategy " + strategy.value());

        Envelope<TradingSignal> nextDay = signal(SignalType.BUY, 1, SESSION.plus(Duration.ofDays(1)));
        assertThat(decision(nextDay).payload()).isInstanceOf(ValidatedSignal.class);
    }

    @Test
    void aRestingLimitOrderOfThePaperVenueCountsTowardsThePositionLimitUntilItIsCancelled() {
        pipeline.tick(instrument, "120", SESSION);
        StrategyId warmUp = PipelineTestSupport.freshStrategy("risk_warm");
        pipeline.signal(warmUp, instrument, SignalType.BUY, 1, null, null, SESSION.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM fills WHERE strategy_id = :s")
                .param("s", warmUp.value()).query(Long.class).single() == 1); // the venue has the market price

        Envelope<RiskDecisionEvent> resting = decision(pipeline.signal(strategy, instrument, SignalType.BUY, 600, null,
                LIMIT_50, SESSION.plusSeconds(2)));
        assertThat(resting.payload()).isInstanceOf(ValidatedSignal.class);
        String orderId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT order_id FROM orders WHERE signal_id = :id AND failure_code IS NULL")
                .param("id", resting.id().value()).query(String.class).optional().orElse(null), v -> v != null);

        RejectedSignal rejected = (RejectedSignal) decision(pipeline.signal(strategy, instrument, SignalType.BUY, 600,
                null, LIMIT_50, SESSION.plusSeconds(3))).payload();
        assertThat(rejected.rejectionReason())
                .isEqualTo("MaxPositionSize: Position size 1200 (600 in flight) exceeds maximum 1000");

        pipeline.publish(Topics.orderCommands(Broker.PAPER), new CancelOrder(orderId, strategy, instrument,
                "it-operator", "test", SESSION.plusSeconds(4)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(jdbc.sql(
                "SELECT failure_code FROM orders WHERE order_id = :id").param("id", orderId)
                .query(String.class).optional().orElse(null)));
        assertThat(decision(pipeline.signal(strategy, instrument, SignalType.BUY, 1000, null, LIMIT_50,
                SESSION.plusSeconds(5))).payload()).isInstanceOf(ValidatedSignal.class);
    }

    static final OrderInstruction LIMIT_50 = new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("50"),
            null, null);

    @Test
    void haltedRejectsEverythingAndReducingPassesOnlyAReducingSellChangedByTheCommand() {
        pipeline.publish(Topics.ordersFilled(Broker.PAPER), new OrderFilled("ext-" + strategy, "fill-" + strategy,
                strategy, instrument, SignalType.BUY, Quantity.of(50), Price.of("100"), Money.of("5.00"), SESSION));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                portfolios.holdings(Broker.PAPER, strategy).containsKey(instrument));

        String output = trading("halt", "exchange outage");
        assertThat(output).contains("ACTIVE -> HALTED").contains("Published on alpha-panda.control");
        awaitApplied(TradingState.HALTED);
        RejectedSignal halted = (RejectedSignal) decision(signal(SignalType.SELL, 10, SESSION.plusSeconds(1)))
                .payload();
        assertThat(halted.reasonCodes()).containsExactly("TRADING_HALTED");
        assertThat(halted.rejectionReason()).isEqualTo("TradingState: Trading halted for paper: exchange outage");

        trading("reduce", "wind down");
        awaitApplied(TradingState.REDUCING);
        assertThat(decision(signal(SignalType.SELL, 10, SESSION.plusSeconds(2))).payload())
                .isInstanceOf(ValidatedSignal.class);
        assertThat(((RejectedSignal) decision(signal(SignalType.BUY, 10, SESSION.plusSeconds(3))).payload())
                .reasonCodes()).containsExactly("TRADING_REDUCING");

        var history = jdbc.sql("SELECT state, previous_state, reason, changed_by FROM trading_state_history "
                        + "WHERE broker = 'paper' ORDER BY id DESC LIMIT 2")
                .query((rs, n) -> rs.getString(1) + "<-" + rs.getString(2) + ":" + rs.getString(3) + ":"
                        + rs.getString(4)).list();
        assertThat(history).containsExactly("REDUCING<-HALTED:wind down:it-operator",
                "HALTED<-ACTIVE:exchange outage:it-operator");
        assertThat(pipeline.get("/api/v1/trading-state").body()).contains("\"state\":\"REDUCING\"")
                .contains("\"reason\":\"wind down\"").contains("\"changedBy\":\"it-operator\"");
    }

    private void awaitApplied(TradingState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.get("/api/v1/trading-state").body()
                .contains("\"appliedState\":\"" + state + "\""));
    }

    private String trading(String action, String reason) {
        StringWriter out = new StringWriter();
        int code = AlphaPandaCommand.execute(new String[] {"trading", action, "--broker", "paper", "--reason", reason,
                "--by", "it-operator",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers")},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    private Envelope<TradingSignal> signal(SignalType side, long quantity, Instant at) {
        return pipeline.signal(strategy, instrument, side, quantity, "100", null, at);
    }

    private Envelope<RiskDecisionEvent> decision(Envelope<TradingSignal> signal) {
        EventId id = signal.id();
        String text = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT envelope FROM risk_decisions WHERE signal_id = :id").param("id", id.value())
                .query(String.class).optional().orElse(null), v -> v != null);
        return new EventCodec().decode(text.getBytes(StandardCharsets.UTF_8), RiskDecisionEvent.class);
    }
}
