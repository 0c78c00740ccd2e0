package com.alphapanda.execution;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link BrokerGateway} contract: every venue (paper, and Zerodha against a local fake Kite server) extends this
 * class and passes it unchanged.
 */
public abstract class BrokerGatewayContract {

    protected static final InstrumentToken INSTRUMENT = InstrumentToken.of(738561);
    protected static final StrategyId STRATEGY = StrategyId.of("contract_1");

    protected BrokerGateway gateway;

    /** A fresh venue whose market for {@link #INSTRUMENT} is at 100, during a trading session. */
    protected abstract BrokerGateway newGateway();

    /** Moves the venue's market for an instrument; returns the order events that caused. */
    protected abstract List<OrderEvent> marketMovesTo(InstrumentToken token, Price price, Instant at);

    /** An instant inside the trading session the gateway was created for. */
    protected abstract Instant sessionTime();

    @BeforeEach
    void createGateway() {
        gateway = newGateway();
    }

    protected OrderRequest order(SignalType side, long quantity, OrderInstruction instruction) {
        return new OrderRequest(EventId.next(), STRATEGY, INSTRUMENT, side, Quantity.of(quantity), Price.of("100"),
                instruction, sessionTime());
    }

    @Test
    void aMarketOrderIsSubmittedThenFilledInFullWithUniqueFillIds() {
        OrderRequest request = order(SignalType.BUY, 10, OrderInstruction.MARKET_DAY);
        List<OrderEvent> events = gateway.place(request);

        assertThat(events.getFirst()).isInstanceOfSatisfying(OrderSubmitted.class, submitted -> {
            assertThat(submitted.signalId()).isEqualTo(request.signalId());
            assertThat(submitted.strategyId()).isEqualTo(STRATEGY);
            assertThat(submitted.instrumentToken()).isEqualTo(INSTRUMENT);
            assertThat(submitted.quantity()).isEqualTo(Quantity.of(10));
        });
        List<OrderFilled> fills = events.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast)
                .toList();
        assertThat(fills.stream().mapToLong(f -> f.quantity().value()).sum()).isEqualTo(10);
        assertThat(fills).extracting(OrderFilled::fillId).doesNotHaveDuplicates();
        assertThat(fills).extracting(OrderFilled::orderId).containsOnly(events.getFirst().orderId());
        assertThat(gateway.findBySignal(request.signalId())).get()
                .extracting(BrokerOrder::status).isEqualTo(BrokerOrder.Status.FILLED);
    }

    @Test
    void placingTheSameSignalTwiceCreatesNoSecondOrder() {
        OrderRequest request = order(SignalType.BUY, 5, OrderInstruction.MARKET_DAY);
        String orderId = gateway.place(request).getFirst().orderId();

        assertThat(gateway.place(request)).isEmpty();
        assertThat(gateway.findBySignal(request.signalId())).get().extracting(BrokerOrder::orderId).isEqualTo(orderId);
    }

    @Test
    void findBySignalKnowsNothingOfAnUnplacedSignal() {
        assertThat(gateway.findBySignal(EventId.next())).isEmpty();
    }

    @Test
    void anOrderTheVenueRefusesEndsWithAReasonCode() {
        OrderRequest request = order(SignalType.BUY, 100_000_000, OrderInstruction.MARKET_DAY);
        List<OrderEvent> events = gateway.place(request);

        assertThat(events).last().isInstanceOfSatisfying(OrderFailed.class, failed -> {
            assertThat(failed.reasonCode()).isNotBlank();
            assertThat(failed.errorMessage()).isNotBlank();
        });
        assertThat(gateway.findBySignal(request.signalId())).get()
                .extracting(BrokerOrder::status).isEqualTo(BrokerOrder.Status.FAILED);
    }

    @Test
    void aLimitOrderBelowTheMarketWorksUntilTheMarketReachesIt() {
        OrderRequest request = order(SignalType.BUY, 10,
                new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("95"), null, null));
        gateway.place(request);
        assertThat(gateway.openOrders()).extracting(BrokerOrder::signalId).containsExactly(request.signalId());

        List<OrderEvent> events = marketMovesTo(INSTRUMENT, Price.of("94.50"), sessionTime().plusSeconds(60));

        assertThat(events).filteredOn(OrderFilled.class::isInstance).isNotEmpty();
        assertThat(gateway.openOrders()).isEmpty();
        assertThat(gateway.findBySignal(request.signalId())).get()
                .extracting(BrokerOrder::filledQuantity).isEqualTo(10L);
    }

    @Test
    void cancellingAWorkingOrderEndsItAsCancelled() {
        OrderRequest request = order(SignalType.BUY, 10,
                new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("90"), null, null));
        String orderId = gateway.place(request).getFirst().orderId();

        List<OrderEvent> events = gateway.cancel(orderId, sessionTime().plusSeconds(5));

        assertThat(events).singleElement().isInstanceOfSatisfying(OrderFailed.class,
                failed -> assertThat(failed.reasonCode()).isEqualTo("CANCELLED"));
        assertThat(gateway.findBySignal(request.signalId())).get()
                .extracting(BrokerOrder::status).isEqualTo(BrokerOrder.Status.CANCELLED);
        assertThat(gateway.openOrders()).isEmpty();
    }
}
