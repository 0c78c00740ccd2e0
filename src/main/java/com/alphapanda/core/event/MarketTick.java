package com.alphapanda.core.event;

import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.time.Instant;
import java.util.Objects;

/**
 * One market data update for one instrument. {@code timestamp} is event time: the exchange timestamp, else the last
 * trade time, taken from the feed's epoch seconds (never a host-local naive time). Optional fields are null when the
 * feed mode does not carry them.
 */
public record MarketTick(
        InstrumentToken instrumentToken,
        Price lastPrice,
        Instant timestamp,
        String symbol,
        Long volumeTraded,
        Long lastTradedQuantity,
        Long totalBuyQuantity,
        Long totalSellQuantity,
        Long oi,
        Long oiDayHigh,
        Long oiDayLow,
        Price averageTradedPrice,
        Money change,
        Instant lastTradeTime,
        Instant exchangeTimestamp,
        TickMode mode,
        Boolean tradable,
        Ohlc ohlc,
        MarketDepth depth) implements MarketEvent {

    public MarketTick {
        Objects.requireNonNull(instrumentToken, "instrument_token");
        Objects.requireNonNull(lastPrice, "last_price");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** A last-traded-price tick with no optional fields. */
    public static MarketTick ltp(InstrumentToken token, Price lastPrice, Instant timestamp) {
        return new MarketTick(token, lastPrice, timestamp, null, null, null, null, null, null, null, null, null, null,
                null, null, TickMode.LTP, null, null, null);
    }

    @Override
    public String partitionKey() {
        return instrumentToken.toString();
    }

    @Override
    public Instant eventTime() {
        return timestamp;
    }

    /** Kite's streaming modes. */
    public enum TickMode {
        LTP, QUOTE, FULL
    }

    /** The day's open, high, low and previous close. */
    public record Ohlc(Price open, Price high, Price low, Price close) {
        public Ohlc {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(close, "close");
        }
    }

    /** Up to five price levels per side. */
    public record MarketDepth(java.util.List<DepthLevel> buy, java.util.List<DepthLevel> sell) {
        public MarketDepth {
            buy = buy == null ? java.util.List.of() : java.util.List.copyOf(buy);
            sell = sell == null ? java.util.List.of() : java.util.List.copyOf(sell);
            if (buy.size() > 5 || sell.size() > 5) {
                throw new IllegalArgumentException("market depth has at most 5 levels per side");
            }
        }
    }

    /** One level of the order book. */
    public record DepthLevel(Price price, long quantity, int orders) {
        public DepthLevel {
            Objects.requireNonNull(price, "price");
        }
    }
}
