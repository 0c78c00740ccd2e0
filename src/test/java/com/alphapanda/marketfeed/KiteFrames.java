package com.alphapanda.marketfeed;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** KiteTicker binary frames built byte by byte as the protocol documents them (big-endian), for tests. */
public final class KiteFrames {

    private final ByteArrayOutputStream packets = new ByteArrayOutputStream();
    private int count;

    public KiteFrames packet(ByteBuffer packet) {
        byte[] bytes = packet.array();
        packets.write((bytes.length >> 8) & 0xff);
        packets.write(bytes.length & 0xff);
        packets.writeBytes(bytes);
        count++;
        return this;
    }

    public byte[] frame() {
        ByteBuffer frame = ByteBuffer.allocate(2 + packets.size());
        frame.putShort((short) count).put(packets.toByteArray());
        return frame.array();
    }

    static ByteBuffer ltp(int token, int ltp) {
        return ByteBuffer.allocate(8).putInt(token).putInt(ltp);
    }

    /** Index quote (28) or full (32): token, ltp, high, low, open, close, change[, exchange timestamp]. */
    static ByteBuffer index(int token, int ltp, int high, int low, int open, int close, int change, Integer time) {
        ByteBuffer b = ByteBuffer.allocate(time == null ? 28 : 32).putInt(token).putInt(ltp).putInt(high).putInt(low)
                .putInt(open).putInt(close).putInt(change);
        if (time != null) {
            b.putInt(time);
        }
        return b;
    }

    /** Quote (44): token, ltp, last qty, avg price, volume, buy qty, sell qty, open, high, low, close. */
    static ByteBuffer quote(int token, int... fields) {
        ByteBuffer b = ByteBuffer.allocate(44).putInt(token);
        for (int f : fields) {
            b.putInt(f);
        }
        return b;
    }

    /** Full (184): the quote fields, last trade time, OI, OI high, OI low, exchange time, then 10 depth entries. */
    public static ByteBuffer full(int token, int[] quote, int lastTrade, int oi, int oiHigh, int oiLow, int exchangeTime,
                           int[][] depth) {
        ByteBuffer b = ByteBuffer.allocate(184).putInt(token);
        for (int f : quote) {
            b.putInt(f);
        }
        b.putInt(lastTrade).putInt(oi).putInt(oiHigh).putInt(oiLow).putInt(exchangeTime);
        for (int[] level : depth) {
            b.putInt(level[0]).putInt(level[1]).putShort((short) level[2]).putShort((short) 0);
        }
        return b;
    }
}
