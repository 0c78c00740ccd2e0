package com.alphapanda.core.event;

import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated sample payload of every event type, for contract tests. */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-26T04:00:00.123456Z");
    public static final InstrumentToken RELIANCE = InstrumentToken.of(738561);
    public static final StrategyId STRATEGY = StrategyId.of("momentum_1");

    private SampleEvents() {
    }

    public static EventPayload sample(EventType type) {
        return switch (type) {
            case MARKET_TICK -> tick();
            case TRADING_SIGNAL -> signal();
            case VALIDATED_SIGNAL -> new ValidatedSignal(signal(), Quantity.of(10), Price.of("2500.05"),
                    Map.of("position_limit", true, "daily_trades", true), T0.plusMillis(3));
            case REJECTED_SIGNAL -> new RejectedSignal(signal(), "PriceBandRule: price 2800.00 is 11.99% from 2500.05",
                    List.of("PRICE_BAND"), Map.of("position_limit", true, "price_band", false), T0.plusMillis(3));
            case ORDER_SUBMITTED -> new OrderSubmitted("ord-1", EventId.next(), STRATEGY, RELIANCE, SignalType.BUY,
                    Quantity.of(10), Price.of("2500.05"), new OrderInstruction(OrderType.STOP_LIMIT,
                    TimeInForce.IOC, Price.of("2501"), Price.of("2499.5"), new OrderInstruction.Bracket(
                    new BigDecimal("0.02"), new BigDecimal("0.01"))), T0.plusMillis(5));
            case ORDER_FILLED -> new OrderFilled("ord-1", "fill-1", STRATEGY, RELIANCE, SignalType.BUY, Quantity.of(10),
                    Price.of("2501.30"), Money.of("25.0130"), T0.plusMillis(6));
            case ORDER_FAILED -> new OrderFailed("ord-2", STRATEGY, RELIANCE, SignalType.SELL, Quantity.of(5),
                    Price.of("2490.00"), "INSUFFICIENT_POSITION", "no position to sell", T0.plusMillis(7));
            case CANCEL_ORDER -> new CancelOrder("ord-3", STRATEGY, RELIANCE, "alice", "strategy misbehaving",
                    T0.plusMillis(8));
            case PNL_SNAPSHOT -> new PnlSnapshot(EventId.next(), "paper:momentum_1", Broker.PAPER, T0,
                    PnlSnapshot.SnapshotType.END_OF_DAY, Money.of("120.50"), Money.of("-20.25"), Money.of("75.24"),
                    Money.of("25.01"), Money.of("974986.24"), List.of(new PnlSnapshot.PositionSnapshot(RELIANCE, 10,
                    Price.of("2501.30"), Price.of("2499.275"), Money.of("120.50"), Money.of("-20.25"))),
                    new PnlSnapshot.LedgerPosition("fill-1", 1), "ab12");
            case TRADING_STATE_CHANGED -> new TradingStateChanged(Broker.PAPER, TradingState.HALTED,
                    TradingState.ACTIVE, "exchange outage", "operator:alice", T0);
        };
    }

    public static MarketTick tick() {
        return new MarketTick(RELIANCE, Price.of("2500.05"), T0, "RELIANCE", 1_234_567L, 10L, 5000L, 6000L, null, null,
                null, Price.of("2498.1234"), Money.of("-1.95"), T0.minusMillis(1), T0, MarketTick.TickMode.FULL, true,
                new MarketTick.Ohlc(Price.of("2490"), Price.of("2510.5"), Price.of("2480.05"), Price.of("2502")),
                new MarketTick.MarketDepth(List.of(new MarketTick.DepthLevel(Price.of("2500.00"), 100, 3)),
                        List.of(new MarketTick.DepthLevel(Price.of("2500.10"), 50, 1))));
    }

    public static TradingSignal signal() {
        return new TradingSignal(STRATEGY, RELIANCE, SignalType.BUY, Quantity.of(10), Price.of("2500.05"), T0,
                new BigDecimal("0.75"), new OrderInstruction(OrderType.LIMIT, TimeInForce.DAY, Price.of("2500.00"),
                null, null), "momentum 0.6% over 2 ticks above threshold 0.5%");
    }
}
