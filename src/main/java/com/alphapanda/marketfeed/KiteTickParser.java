package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes KiteTicker binary frames (big-endian): 2 bytes packet count, then per packet 2 bytes length and the packet.
 * Packet layouts by length: 8 (LTP), 28 (index quote), 32 (index full), 44 (quote), 184 (full, with 5 + 5 depth).
 * Prices stay integers until the {@link Price} is built: divided by 10,000,000 for the currency segments (NSE CD 3,
 * BSE CD 6) and by 100 for every other segment (Kite's documentation). A packet of an unknown length, or a frame
 * shorter than it claims, is counted as malformed and skipped; nothing here throws on input. A 1-byte frame is a
 * heartbeat.
 */
final class KiteTickParser {

    /** What one frame held. */
    record Frame(List<MarketTick> ticks, int malformed, boolean heartbeat) {
    }

    static final int SEGMENT_INDICES = 9;

    private KiteTickParser() {
    }

    static Frame parse(byte[] frame, Instant receivedAt) {
        if (frame.length == 1) {
            return new Frame(List.of(), 0, true);
        }
        if (frame.length < 2) {
            return new Frame(List.of(), 1, false);
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
        int packets = Short.toUnsignedInt(buffer.getShort());
        List<MarketTick> ticks = new ArrayList<>(packets);
        int malformed = 0;
        for (int i = 0; i < packets; i++) {
            if (buffer.remaining() < 2) {
                return new Frame(ticks, malformed + (packets - i), false);
            }
            int length = Short.toUnsignedInt(buffer.getShort());
            if (buffer.remaining() < length) {
                return new Frame(ticks, malformed + (packets - i), false);
            }
            ByteBuffer packet = buffer.slice(buffer.position(), length).order(ByteOrder.BIG_ENDIAN);
            buffer.position(buffer.position() + length);
            switch (length) {
                case 8, 28, 32, 44, 184 -> packet(packet, length, receivedAt, ticks);
                default -> malformed++;
            }
        }
        return new Frame(ticks, malformed, false);
    }

    private static void packet(ByteBuffer p, int length, Instant receivedAt, List<MarketTick> ticks) {
        long token = Integer.toUnsignedLong(p.getInt(0));
        int segment = (int) (token & 0xff);
        int scale = segment == 3 || segment == 6 ? 7 : 2;
        Price ltp = price(p.getInt(4), scale);
        if (ltp == null) {
            return; // no trade yet: nothing to publish
        }
        boolean tradable = segment != SEGMENT_INDICES;
        InstrumentToken instrument = InstrumentToken.of(token);
        MarketTick tick = switch (length) {
            case 8 -> new MarketTick(instrument, ltp, receivedAt, null, null, null, null, null, null, null, null,
                    null, null, null, null, MarketTick.TickMode.LTP, tradable, null, null);
            case 28, 32 -> index(p, length, instrument, ltp, scale, receivedAt, tradable);
            default -> quote(p, length, instrument, ltp, scale, receivedAt, tradable);
        };
        ticks.add(tick);
    }

    private static MarketTick index(ByteBuffer p, int length, InstrumentToken token, Price ltp, int scale,
                                    Instant receivedAt, boolean tradable) {
        MarketTick.Ohlc ohlc = ohlc(p.getInt(16), p.getInt(8), p.getInt(12), p.getInt(20), scale);
        Money change = Money.of(BigDecimal.valueOf(p.getInt(24)).movePointLeft(scale));
        Instant exchangeTime = length == 32 ? epoch(p.getInt(28)) : null;
        return new MarketTick(token, ltp, exchangeTime != null ? exchangeTime : receivedAt, null, null, null, null,
                null, null, null, null, null, change, null, exchangeTime,
                length == 32 ? MarketTick.TickMode.FULL : MarketTick.TickMode.QUOTE, tradable, ohlc, null);
    }

    private static MarketTick quote(ByteBuffer p, int length, InstrumentToken token, Price ltp, int scale,
                                    Instant receivedAt, boolean tradable) {
        MarketTick.Ohlc ohlc = ohlc(p.getInt(28), p.getInt(32), p.getInt(36), p.getInt(40), scale);
        Money change = p.getInt(40) > 0 ? Money.of(BigDecimal.valueOf((long) p.getInt(4) - p.getInt(40))
                .movePointLeft(scale)) : null;
        boolean full = length == 184;
        Instant lastTrade = full ? epoch(p.getInt(44)) : null;
        Instant exchangeTime = full ? epoch(p.getInt(60)) : null;
        Instant timestamp = exchangeTime != null ? exchangeTime : lastTrade != null ? lastTrade : receivedAt;
        return new MarketTick(token, ltp, timestamp, null, unsigned(p.getInt(16)), unsigned(p.getInt(8)),
                unsigned(p.getInt(20)), unsigned(p.getInt(24)), full ? unsigned(p.getInt(48)) : null,
                full ? unsigned(p.getInt(52)) : null, full ? unsigned(p.getInt(56)) : null,
                price(p.getInt(12), scale), change, lastTrade, exchangeTime,
                full ? MarketTick.TickMode.FULL : MarketTick.TickMode.QUOTE, tradable, ohlc,
                full ? depth(p, scale) : null);
    }

    private static MarketTick.MarketDepth depth(ByteBuffer p, int scale) {
        List<MarketTick.DepthLevel> buy = new ArrayList<>(5);
        List<MarketTick.DepthLevel> sell = new ArrayList<>(5);
        for (int level = 0; level < 10; level++) {
            int offset = 64 + level * 12;
            Price price = price(p.getInt(offset + 4), scale);
            if (price != null) {
                (level < 5 ? buy : sell).add(new MarketTick.DepthLevel(price,
                        Integer.toUnsignedLong(p.getInt(offset)), Short.toUnsignedInt(p.getShort(offset + 8))));
            }
        }
        return new MarketTick.MarketDepth(buy, sell);
    }

    private static MarketTick.Ohlc ohlc(int open, int high, int low, int close, int scale) {
        Price o = price(open, scale);
        Price h = price(high, scale);
        Price l = price(low, scale);
        Price c = price(close, scale);
        return o == null || h == null || l == null || c == null ? null : new MarketTick.Ohlc(o, h, l, c);
    }

    /** A positive integer price with its scale; null for zero (no value), which Kite sends before any trade. */
    private static Price price(int raw, int scale) {
        return raw <= 0 ? null : Price.of(BigDecimal.valueOf(raw).movePointLeft(scale));
    }

    private static Instant epoch(int seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(Integer.toUnsignedLong(seconds));
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
