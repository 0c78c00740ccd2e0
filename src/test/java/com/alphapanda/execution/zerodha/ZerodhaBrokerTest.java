package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.execution.OrderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency, ambiguous outcomes, rate limits and order updates of {@link ZerodhaBroker}, on the fake Kite. */
class ZerodhaBrokerTest {

    private static final InstrumentToken RELIANCE = InstrumentToken.of(738561);
    private static ZerodhaTestDatabase db;
    private FakeKite kite;
    private ZerodhaProperties properties;

    @BeforeAll
    static void startDatabase() {
        db = new ZerodhaTestDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        db.close();
    }

    @BeforeEach
    void startKite() throws IOException {
        kite = new FakeKite();
        db.clearZerodha();
        properties = ZerodhaFixture.properties(kite.url(), "NSEALGO42");
    }

    @AfterEach
    void stopKite() {
        kite.close();
    }

    private ZerodhaBroker broker() {
        return ZerodhaFixture.broker(kite, db, properties, ZerodhaFixture.kiteLimits(db.orderBook()));
    }

    private static OrderRequest market(long quantity) {
        return new OrderRequest(EventId.next(), StrategyId.of("z1"), RELIANCE, SignalType.BUY, Quantity.of(quantity),
                Price.of("100"), OrderInstruction.MARKET_DAY, Instant.parse("2026-11-27T05:00:00Z"));
    }

    @Test
    void aMarketOrderCarriesTheTagOfItsSignalMarketProtectionAndTheAlgoId() {
        OrderRequest request = market(5);
        broker().place(request);

        assertThat(kite.placements()).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("tag", KiteOrderForm.tagOf(request.signalId()))
                .containsEntry("market_protection", "-1").containsEntry("algo_id", "NSEALGO42")
                .containsEntry("order_type", "MARKET").containsEntry("exchange", "NSE")
                .containsEntry("tradingsymbol", "RELIANCE").containsEntry("product", "CNC"));
        assertThat(KiteOrderForm.tagOf(request.signalId())).matches("[0-9a-f]{20}");
    }

    @Test
    void aTimeoutOnPlaceOrderIsResolvedByTagAndARetryPlacesExactlyOneOrder() {
        kite.failNextPlacement(FakeKite.Fault.ACCEPT_THEN_STALL);
        OrderRequest request = market(5);
        ZerodhaBroker broker = broker();

        List<OrderEvent> events = broker.place(request);
        List<OrderEvent> retried = broker.place(request);

        String tag = KiteOrderForm.tagOf(request.signalId());
        assertThat(kite.ordersWithTag(tag)).isEqualTo(1);
        assertThat(kite.placements()).hasSize(1);
        assertThat(events.getFirst()).isInstanceOfSatisfying(OrderSubmitted.class,
                s -> assertThat(s.orderId()).isEqualTo(kite.onlyOrderIdWithTag(tag)));
        assertThat(events).filteredOn(OrderFilled.class::isInstance).hasSize(1);
        assertThat(retried).isEmpty();
    }

    @Test
    void aServerErrorAfterKiteAcceptedTheOrderIsResolvedByTagWithoutAResend() {
        kite.failNextPlacement(FakeKite.Fault.ACCEPT_THEN_500);
        OrderRequest request = market(5);

        List<OrderEvent> events = broker().place(request);

        assertThat(kite.placements()).hasSize(1);
        assertThat(kite.ordersWithTag(KiteOrderForm.tagOf(request.signalId()))).isEqualTo(1);
        assertThat(events).first().isInstanceOf(OrderSubmitted.class);
    }

    @Test
    void aTooManyRequestsAnswerIsResentOnlyAfterKiteShowsNoOrderWithTheTag() {
        kite.failNextPlacement(FakeKite.Fault.REFUSE_429);
        kite.failNextPlacement(FakeKite.Fault.REFUSE_503);
        OrderRequest request = market(5);

        List<OrderEvent> events = broker().place(request);

        assertThat(kite.placements()).hasSize(3);
        assertThat(kite.ordersWithTag(KiteOrderForm.tagOf(request.signalId()))).isEqualTo(1);
        assertThat(events).first().isInstanceOf(OrderSubmitted.class);
    }

    @Test
    void whenKiteNeverConfirmsTheOrderStaysPendingAndTheNextAttemptAsksKiteFirst() {
        for (int i = 0; i < ZerodhaBroker.MAX_SEND_ATTEMPTS; i++) {
            kite.failNextPlacement(FakeKite.Fault.REFUSE_503);
        }
        OrderRequest request = market(5);
        ZerodhaBroker broker = broker();

        assertThatThrownBy(() -> broker.place(request)).isInstanceOf(KiteUnavailableException.class);
        assertThat(broker.findBySignal(request.signalId())).isPresent();

        assertThat(broker.place(request)).first().isInstanceOf(OrderSubmitted.class);
        assertThat(kite.ordersWithTag(KiteOrderForm.tagOf(request.signalId()))).isEqualTo(1);
    }

    @Test
    void theEleventhOrderInsideOneSecondIsSentInTheNextSecond() {
        ZerodhaBroker broker = broker();
        for (int i = 0; i < 12; i++) {
            broker.place(market(1));
        }

        List<Instant> sent = kite.placementTimes();
        assertThat(sent).hasSize(12);
        assertThat(Duration.between(sent.get(0), sent.get(10))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void readsAreKeptToKitesTenRequestsASecond() {
        KiteHttp http = new KiteHttp(ZerodhaFixture.HTTP, kite.url(), FakeKite.API_KEY, properties.requestTimeout());
        kite.acceptAccessToken(ZerodhaFixture.ACCESS_TOKEN);
        long started = System.nanoTime();

        for (int i = 0; i < 11; i++) {
            assertThat(http.get("orders", ZerodhaFixture.ACCESS_TOKEN)).isInstanceOf(KiteResult.Ok.class);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void theDailyCapRefusesTheOrderWithoutSendingIt() {
        OrderRateLimiter nearlyFull = new OrderRateLimiter(Clock.systemUTC(), 10, 400, 5000, () -> 4999);
        ZerodhaBroker broker = ZerodhaFixture.broker(kite, db, properties, nearlyFull);

        broker.place(market(1));
        List<OrderEvent> capped = broker.place(market(1));

        assertThat(kite.placements()).hasSize(1);
        assertThat(capped).singleElement().isInstanceOfSatisfying(OrderFailed.class,
                f -> assertThat(f.reasonCode()).isEqualTo("RATE_LIMIT_DAILY_CAP"));
    }

    @Test
    void anInstrumentMissingFromTheInstrumentMasterIsRefusedWithoutCallingKite() {
        OrderRequest request = new OrderRequest(EventId.next(), StrategyId.of("z1"), InstrumentToken.of(1),
                SignalType.BUY, Quantity.of(1), Price.of("100"), OrderInstruction.MARKET_DAY, Instant.now());

        assertThat(broker().place(request)).singleElement().isInstanceOfSatisfying(OrderFailed.class,
                f -> assertThat(f.reasonCode()).isEqualTo("UNKNOWN_INSTRUMENT"));
        assertThat(kite.placements()).isEmpty();
    }

    @Test
    void aFillReportedByWebSocketAndByPostbackIsAppliedOnce() {
        ZerodhaBroker broker = broker();
        ZerodhaOrderUpdates updates = new ZerodhaOrderUpdates(broker, FakeKite.API_SECRET);
        OrderRequest request = new OrderRequest(EventId.next(), StrategyId.of("z1"), RELIANCE, SignalType.BUY,
                Quantity.of(4), Price.of("100"), new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY,
                Price.of("95"), null, null), Instant.now());
        String orderId = broker.place(request).getFirst().orderId();
        kite.setMarket("RELIANCE", new BigDecimal("94"));

        var byWebSocket = updates.onTextFrame(kite.orderUpdateFrame(orderId));
        var byPostback = updates.onPostback(kite.postback(orderId));

        assertThat(byWebSocket).extracting(e -> e.payload()).singleElement().isInstanceOf(OrderFilled.class);
        assertThat(byPostback).isEmpty();
        assertThat(db.jdbc.sql("SELECT count(*) FROM zerodha_fills WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPostbackWithABadChecksumIsRefused() {
        ZerodhaBroker broker = broker();
        String orderId = broker.place(market(1)).getFirst().orderId();
        String forged = kite.postback(orderId).replaceAll("\"checksum\":\"[0-9a-f]+\"", "\"checksum\":\"00\"");

        assertThatThrownBy(() -> new ZerodhaOrderUpdates(broker, FakeKite.API_SECRET).onPostback(forged))
                .isInstanceOf(ZerodhaOrderUpdates.RefusedPostbackException.class);
        assertThatThrownBy(() -> new ZerodhaOrderUpdates(broker, FakeKite.API_SECRET).onPostback("[1]"))
                .isInstanceOf(ZerodhaOrderUpdates.RefusedPostbackException.class);
    }

    @Test
    void aRefusedTokenInvalidatesTheSessionAndFailsTheOrderWithKitesReason() {
        String[] invalidated = new String[1];
        KiteOrders orders = new KiteOrders(new KiteHttp(ZerodhaFixture.HTTP, kite.url(), FakeKite.API_KEY,
                properties.requestTimeout()), "notthetoken1");
        RateLimitedSender sender = new RateLimitedSender(ZerodhaFixture.kiteLimits(db.orderBook()),
                d -> Thread.sleep(d), (token, reason) -> invalidated[0] = token + " " + reason);
        ZerodhaBroker broker = new ZerodhaBroker(() -> orders, db.orderBook(), ZerodhaFixture.instruments(), sender,
                properties, Clock.systemUTC());

        assertThat(broker.place(market(1))).singleElement().isInstanceOfSatisfying(OrderFailed.class,
                f -> assertThat(f.reasonCode()).isEqualTo("KITE_TOKEN"));
        assertThat(invalidated[0]).startsWith("notthetoken1 TokenException");
    }
}
