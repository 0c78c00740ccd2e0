package com.alphapanda.execution.paper;

import static com.alphapanda.execution.paper.PaperVenueFixture.INFY;
import static com.alphapanda.execution.paper.PaperVenueFixture.STRATEGY;
import static com.alphapanda.execution.paper.PaperVenueFixture.T0;
import static com.alphapanda.execution.paper.PaperVenueFixture.d;
import static com.alphapanda.execution.paper.PaperVenueFixture.failures;
import static com.alphapanda.execution.paper.PaperVenueFixture.fills;
import static com.alphapanda.execution.paper.PaperVenueFixture.instruction;
import static com.alphapanda.execution.paper.PaperVenueFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.OrderEvent;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.OrderInstruction;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.OrderType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.event.TimeInForce;
import com.alphapanda.core.money.Price;
import com.alphapanda.execution.BrokerOrder;
import com.alphapanda.execution.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaperVenueTest {

    static final OrderInstruction MARKET = OrderInstruction.MARKET_DAY;
    static final String STRATEGY_ID = STRATEGY.value();

    @Test
    void marketBuyFillsWithSlippageAndCommissionRoundedToPaise() {
        PaperVenueFixture f = new PaperVenueFixture();
        List<OrderEvent> events = f.place(request(SignalType.BUY, 10, "2500.05", MARKET, T0));

        OrderFilled fill = fills(events).getFirst();
        // 2500.05 × 1.0005 = 2501.300025, on the 0.05 tick rounded up (a buy: against the trader). Changed with the
        // tick-size rule (issue 14): the fill used to be at the unrounded 2501.300025.
        assertThat(fill.fillPrice().value()).isEqualByComparingTo("2501.35");
        assertThat(fill.fees().value()).isEqualByComparingTo("25.01"); // 25013.50 × 0.1 % = 25.0135
        assertThat(f.venue.cash(STRATEGY_ID)).isEqualByComparingTo(d("1000000").subtract(d("25013.50"))
                .subtract(d("25.01")));
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isEqualTo(10);
    }

    @Test
    void restingLimitFillsOnALaterTickAtTheLimitOrBetter() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderRequest limit = request(SignalType.BUY, 10, "100",
                instruction(OrderType.LIMIT, TimeInForce.DAY, "99", null), T0);
        f.place(limit);

        assertThat(f.tick("98", T0)).as("a tick at the order's own event time is not later").isEmpty();
        assertThat(f.tick("99.50", T0.plusSeconds(1))).isEmpty();
        List<OrderEvent> events = f.tick("98.90", T0.plusSeconds(2));

        OrderFilled fill = fills(events).getFirst();
        // 98.90 × 1.0005 = 98.94945, rounded up to the tick (issue 14; was 98.949450), under 99
        assertThat(fill.fillPrice().value()).isEqualByComparingTo("98.95");
        assertThat(fill.timestamp()).isEqualTo(T0.plusSeconds(2));
        assertThat(f.venue.findBySignal(limit.signalId()).orElseThrow().status()).isEqualTo(BrokerOrder.Status.FILLED);
        assertThat(f.venue.openOrders()).isEmpty();
    }

    @Test
    void restingStopTriggersOnALaterTickAndSellsAtTheSlippedMarket() {
        PaperVenueFixture f = new PaperVenueFixture();
        f.place(request(SignalType.BUY, 10, "100", MARKET, T0));
        f.place(request(SignalType.SELL, 10, "100", instruction(OrderType.STOP, TimeInForce.DAY, null, "95"), T0));

        assertThat(f.tick("96", T0.plusSeconds(1))).isEmpty();
        List<OrderEvent> events = f.tick("94.80", T0.plusSeconds(2));

        assertThat(fills(events)).singleElement().satisfies(fill -> {
            assertThat(fill.side()).isEqualTo(SignalType.SELL);
            // 94.80 × 0.9995 = 94.7526, a sell rounded down to the tick (issue 14; was 94.75260)
            assertThat(fill.fillPrice().value()).isEqualByComparingTo("94.75");
        });
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isZero();
    }

    @Test
    void triggeredStopLimitRestsAsALimitAndTheTriggerSurvivesARebuild() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderRequest stopLimit = request(SignalType.BUY, 10, "100",
                instruction(OrderType.STOP_LIMIT, TimeInForce.DAY, "101", "100.50"), T0);
        f.place(stopLimit);
        assertThat(f.tick("102", T0.plusSeconds(1))).as("triggered, above the limit").isEmpty();

        PaperVenue rebuilt = f.rebuilt();
        List<OrderEvent> events = PaperVenue.events(rebuilt.onTick(
                com.alphapanda.core.event.MarketTick.ltp(PaperVenueFixture.RELIANCE, Price.of("100.20"),
                        T0.plusSeconds(2))));
        assertThat(fills(events)).as("below the stop, but the stop had triggered: trades as a limit").hasSize(1);
    }

    @Test
    void dayOrderExpiresAtTheSessionCloseByEventTime() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderRequest limit = request(SignalType.BUY, 10, "100",
                instruction(OrderType.LIMIT, TimeInForce.DAY, "90", null), T0);
        f.place(limit);
        Instant close = Instant.parse("2026-11-26T10:00:00Z"); // 15:30 IST

        assertThat(f.tick(INFY, "1500", close.minusSeconds(1))).isEmpty();
        List<OrderEvent> events = f.tick(INFY, "1500", close);

        assertThat(failures(events)).singleElement().satisfies(expired -> {
            assertThat(expired.reasonCode()).isEqualTo("EXPIRED");
            assertThat(expired.timestamp()).isEqualTo(close);
            assertThat(expired.quantity().value()).isEqualTo(10);
        });
        assertThat(f.venue.findBySignal(limit.signalId()).orElseThrow().status()).isEqualTo(BrokerOrder.Status.EXPIRED);
    }

    @Test
    void dayOrderPlacedAfterTheCloseExpiresAtTheNextTradingDaysClose() {
        PaperVenueFixture f = new PaperVenueFixture();
        Instant friday = Instant.parse("2026-11-27T12:00:00Z"); // 17:30 IST Friday
        f.place(request(SignalType.BUY, 10, "100", instruction(OrderType.LIMIT, TimeInForce.DAY, "90", null), friday));

        assertThat(f.tick(INFY, "1500", Instant.parse("2026-11-30T09:59:59Z"))).isEmpty();
        assertThat(failures(f.tick(INFY, "1500", Instant.parse("2026-11-30T10:00:00Z"))))
                .extracting(OrderFailed::reasonCode).containsExactly("EXPIRED");
    }

    @Test
    void partialFillsShareTheOrderIdHaveUniqueFillIdsAndSumToTheOrder() {
        PaperVenueFixture f = new PaperVenueFixture(withPartials(PaperSettings.defaults()));
        OrderRequest request = request(SignalType.BUY, 100, "100", MARKET, T0);
        List<OrderFilled> parts = fills(f.place(request));

        assertThat(parts).hasSizeBetween(2, 3);
        assertThat(parts).extracting(OrderFilled::orderId).containsOnly(parts.getFirst().orderId());
        assertThat(parts).extracting(OrderFilled::fillId).doesNotHaveDuplicates();
        assertThat(parts.stream().mapToLong(p -> p.quantity().value()).sum()).isEqualTo(100);

        PaperVenueFixture again = new PaperVenueFixture(withPartials(PaperSettings.defaults()));
        assertThat(fills(again.place(request))).extracting(p -> p.quantity().value())
                .as("seeded by the signal id: reproducible").isEqualTo(parts.stream().map(p -> p.quantity().value())
                        .toList());
    }

    @Test
    void restingOrderFillsPartiallyAcrossTicksUntilComplete() {
        PaperVenueFixture f = new PaperVenueFixture(withPartials(PaperSettings.defaults()));
        OrderRequest limit = request(SignalType.BUY, 50, "100",
                instruction(OrderType.LIMIT, TimeInForce.DAY, "99", null), T0);
        f.place(limit);
        long filled = 0;
        for (int i = 1; i <= 60 && filled < 50; i++) {
            filled += fills(f.tick("98", T0.plusSeconds(i))).stream().mapToLong(p -> p.quantity().value()).sum();
            if (filled > 0 && filled < 50) {
                assertThat(f.venue.findBySignal(limit.signalId()).orElseThrow().status())
                        .isEqualTo(BrokerOrder.Status.PARTIALLY_FILLED);
            }
        }
        assertThat(filled).isEqualTo(50);
        assertThat(f.venue.findBySignal(limit.signalId()).orElseThrow().status()).isEqualTo(BrokerOrder.Status.FILLED);
    }

    @Test
    void bracketTakeProfitSellsTheWholePositionAtTheTakeProfitPrice() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderInstruction bracket = new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null,
                new OrderInstruction.Bracket(new BigDecimal("0.02"), new BigDecimal("0.01")));
        // entry 100.05; TP 100.05 × 1.02 = 102.051 and SL 100.05 × 0.99 = 99.0495, both rounded down to the tick
        // (issue 14: levels on the tick grid; they were 102.051 and 99.0495): TP 102.05, SL 99.00
        f.place(request(SignalType.BUY, 10, "100", bracket, T0));

        assertThat(f.tick("102", T0.plusSeconds(1))).isEmpty();
        List<OrderEvent> exit = f.tick("102.10", T0.plusSeconds(2));

        assertThat(exit.getFirst()).isInstanceOfSatisfying(OrderSubmitted.class,
                s -> assertThat(s.instruction().orderType()).isEqualTo(OrderType.LIMIT));
        assertThat(fills(exit)).singleElement().satisfies(fill -> {
            assertThat(fill.side()).isEqualTo(SignalType.SELL);
            assertThat(fill.quantity().value()).isEqualTo(10);
            assertThat(fill.fillPrice().value()).isEqualByComparingTo("102.05");
            assertThat(fill.fees().value()).isEqualByComparingTo("1.02"); // 1020.50 × 0.1 % = 1.0205
        });
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isZero();
        assertThat(f.venue.cash(STRATEGY_ID)).isEqualByComparingTo("1000017.98"); // −1000.50 −1.00 +1020.50 −1.02
        assertThat(f.tick("110", T0.plusSeconds(3))).as("the bracket is gone").isEmpty();
    }

    @Test
    void bracketStopLossGappedThroughSellsAtTheFirstTickBeyondItNotAtTheStop() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderInstruction bracket = new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null,
                new OrderInstruction.Bracket(new BigDecimal("0.02"), new BigDecimal("0.01")));
        f.place(request(SignalType.BUY, 10, "100", bracket, T0)); // entry 100.05, SL 99.0495 → 99.00 on the tick

        assertThat(f.tick("99.05", T0.plusSeconds(1))).as("above the stop").isEmpty();
        // the market gaps from 99.05 to 98: the stop becomes a market sell at that tick, slipped and rounded down:
        // 98 × 0.9995 = 97.951 → 97.95 (issue 14; it used to fill at the stop level 99.0495, a price never traded)
        assertThat(fills(f.tick("98", T0.plusSeconds(2)))).singleElement()
                .satisfies(fill -> assertThat(fill.fillPrice().value()).isEqualByComparingTo("97.95"));
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isZero();
    }

    @Test
    void bracketStopLossTouchedExactlySellsAtTheSlippedStop() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderInstruction bracket = new OrderInstruction(OrderType.MARKET, TimeInForce.DAY, null, null,
                new OrderInstruction.Bracket(new BigDecimal("0.02"), new BigDecimal("0.01")));
        f.place(request(SignalType.BUY, 10, "100", bracket, T0));

        // SL 99.00; a tick at 99.00 triggers it: 99 × 0.9995 = 98.9505 → 98.95
        assertThat(fills(f.tick("99.00", T0.plusSeconds(1)))).singleElement()
                .satisfies(fill -> assertThat(fill.fillPrice().value()).isEqualByComparingTo("98.95"));
    }

    @Test
    void aMarketOrderMeetsThePriceAsOfItsEventTimeEvenWhenTheVenueHasReadANewerTick() {
        PaperVenueFixture f = new PaperVenueFixture();
        f.tick("101", T0.plusSeconds(5)); // read before the signal (decided at T0, price 100): a fast replay does this

        OrderFilled fill = fills(f.place(request(SignalType.BUY, 10, "100", MARKET, T0))).getFirst();

        assertThat(fill.fillPrice().value()).isEqualByComparingTo("100.05"); // 100 × 1.0005, as at any replay speed
    }

    @Test
    void anOrderWithoutAReferencePriceMeetsTheVenuesLastTick() {
        PaperVenueFixture f = new PaperVenueFixture();
        f.tick("101", T0.minusSeconds(5));

        OrderFilled fill = fills(f.place(request(SignalType.BUY, 10, null, MARKET, T0))).getFirst();

        assertThat(fill.fillPrice().value()).isEqualByComparingTo("101.10"); // 101 × 1.0005 = 101.0505 → 101.10
    }

    @Test
    void aMarketOrderUsesTheSignalsPriceWhenTheVenueHasNotSeenThatTickYet() {
        PaperVenueFixture f = new PaperVenueFixture();
        f.tick("99", T0.minusSeconds(5));

        OrderFilled fill = fills(f.place(request(SignalType.BUY, 10, "100", MARKET, T0))).getFirst();

        assertThat(fill.fillPrice().value()).isEqualByComparingTo("100.05");
    }

    @Test
    void duplicatedSignalNeverTradesTwice() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderRequest request = request(SignalType.BUY, 10, "100", MARKET, T0);
        assertThat(f.place(request)).hasSize(2);
        assertThat(f.place(request)).isEmpty();
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isEqualTo(10);
    }

    @Test
    void rebuildFromTheRecordsRestoresCashHoldingsOpenOrdersAndSignalIds() {
        PaperVenueFixture f = new PaperVenueFixture(withPartials(PaperSettings.defaults()));
        OrderRequest first = request(SignalType.BUY, 40, "100", MARKET, T0);
        f.place(first);
        f.place(request(SignalType.SELL, 15, "101", MARKET, T0.plusSeconds(1)));
        f.place(request(SignalType.BUY, 5, "100", instruction(OrderType.LIMIT, TimeInForce.DAY, "95", null),
                T0.plusSeconds(2)));

        PaperVenue rebuilt = f.rebuilt();
        assertThat(rebuilt.cash(STRATEGY_ID)).isEqualByComparingTo(f.venue.cash(STRATEGY_ID));
        assertThat(rebuilt.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isEqualTo(25);
        assertThat(rebuilt.openOrders()).isEqualTo(f.venue.openOrders());
        assertThat(rebuilt.placeRecorded(first)).as("still idempotent after a rebuild").isEmpty();
    }

    @Test
    void everyGuardrailEmitsItsFailure() {
        PaperSettings strict = new PaperSettings(new BigDecimal("0.05"), new CommissionCharges(new BigDecimal("0.1")),
                new BigDecimal("10000"), Map.of(), 0, 3, 5, 500L, new BigDecimal("10"), new BigDecimal("5000"),
                Set.of(PaperVenueFixture.RELIANCE, INFY), new BigDecimal("6000"), false, Duration.ZERO,
                PaperSettings.NSE_TICK);
        assertThat(failure(strict, SignalType.BUY, 10, "5", MARKET)).isEqualTo("PRICE_BELOW_MINIMUM:Price below minimum");
        assertThat(failure(strict, SignalType.BUY, 10, "6000", MARKET)).isEqualTo("PRICE_ABOVE_MAXIMUM:Price above maximum");
        assertThat(failure(strict, SignalType.BUY, 4, "100", MARKET))
                .isEqualTo("QUANTITY_BELOW_MINIMUM:Quantity below minimum");
        assertThat(failure(strict, SignalType.BUY, 501, "100", MARKET))
                .isEqualTo("QUANTITY_ABOVE_MAXIMUM:Quantity exceeds maximum");
        assertThat(failure(strict, SignalType.BUY, 200, "100", MARKET)).isEqualTo("INSUFFICIENT_CASH:Insufficient cash");
        assertThat(failure(strict, SignalType.BUY, 200, "100", instruction(OrderType.MARKET, TimeInForce.FOK, null,
                null))).isEqualTo("INSUFFICIENT_CASH:FOK insufficient cash");
        assertThat(failure(strict, SignalType.BUY, 70, "100", MARKET))
                .isEqualTo("MAX_POSITION_NOTIONAL:Exceeds max position notional");
        assertThat(failure(strict, SignalType.SELL, 10, "100", MARKET)).isEqualTo("INSUFFICIENT_POSITION:No position to sell");
        assertThat(failure(strict, SignalType.BUY, 10, null, MARKET))
                .startsWith("NO_MARKET_PRICE:No market price for instrument");

        PaperVenueFixture other = new PaperVenueFixture(strict);
        OrderRequest notAllowed = new OrderRequest(com.alphapanda.core.id.EventId.next(), STRATEGY,
                com.alphapanda.core.id.InstrumentToken.of(1), SignalType.BUY, com.alphapanda.core.money.Quantity.of(10),
                Price.of("100"), MARKET, T0);
        assertThat(failures(other.place(notAllowed))).extracting(OrderFailed::reasonCode)
                .containsExactly("INSTRUMENT_NOT_ALLOWED");
    }

    @Test
    void immediateOrCancelIsClippedToWhatIsHeldAndTheRemainderCancelled() {
        PaperVenueFixture f = new PaperVenueFixture();
        f.place(request(SignalType.BUY, 10, "100", MARKET, T0));
        List<OrderEvent> events = f.place(request(SignalType.SELL, 25, "100",
                instruction(OrderType.MARKET, TimeInForce.IOC, null, null), T0));
        assertThat(fills(events)).extracting(p -> p.quantity().value()).containsExactly(10L);
        assertThat(failures(events)).singleElement().satisfies(cancelled -> {
            assertThat(cancelled.reasonCode()).isEqualTo("IOC_REMAINDER_CANCELLED");
            assertThat(cancelled.quantity().value()).isEqualTo(15);
        });
        assertThat(failure(PaperSettings.defaults(), SignalType.SELL, 25, "100",
                instruction(OrderType.MARKET, TimeInForce.FOK, null, null)))
                .isEqualTo("INSUFFICIENT_POSITION:No position to sell");
    }

    @Test
    void shortSellingWhenEnabledSellsWithoutAPosition() {
        PaperSettings d = PaperSettings.defaults();
        PaperSettings shorting = new PaperSettings(d.slippagePercent(), d.charges(), d.startingCash(), Map.of(), 0, 3,
                1, null, BigDecimal.ZERO, null, Set.of(), null, true, Duration.ZERO, PaperSettings.NSE_TICK);
        PaperVenueFixture f = new PaperVenueFixture(shorting);
        assertThat(fills(f.place(request(SignalType.SELL, 10, "100", MARKET, T0)))).hasSize(1);
        assertThat(f.venue.held(STRATEGY_ID, PaperVenueFixture.RELIANCE)).isEqualTo(-10);
    }

    @Test
    void cancellingAnOpenOrderEndsIt() {
        PaperVenueFixture f = new PaperVenueFixture();
        OrderRequest limit = request(SignalType.BUY, 10, "100",
                instruction(OrderType.LIMIT, TimeInForce.DAY, "90", null), T0);
        f.place(limit);
        String orderId = f.venue.findBySignal(limit.signalId()).orElseThrow().orderId();
        assertThat(failures(f.venue.cancel(orderId, T0.plusSeconds(5)))).extracting(OrderFailed::reasonCode)
                .containsExactly("CANCELLED");
        assertThat(f.venue.openOrders()).isEmpty();
        assertThat(f.venue.cancel(orderId, T0.plusSeconds(6))).isEmpty();
    }

    private static String failure(PaperSettings settings, SignalType side, long qty, String price,
                                  OrderInstruction instruction) {
        OrderFailed failed = failures(new PaperVenueFixture(settings).place(request(side, qty, price, instruction, T0)))
                .getFirst();
        return failed.reasonCode() + ":" + failed.errorMessage();
    }

    static PaperSettings withPartials(PaperSettings d) {
        return new PaperSettings(d.slippagePercent(), d.charges(), d.startingCash(), Map.of(), 1_000_000, 3, 1, null,
                BigDecimal.ZERO, null, Set.of(), null, false, Duration.ZERO, PaperSettings.NSE_TICK);
    }
}
