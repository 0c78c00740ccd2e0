package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every KiteTicker packet type decoded to the documented values. */
class KiteTickParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T04:00:00Z");
    private static final int RELIANCE = 738561;          // segment 1 (NSE)
    private static final int NIFTY = 256265;             // segment 9 (indices)
    private static final int USDINR = (4119 << 8) | 3;   // segment 3 (NSE CD)
    private static final int BSE_CD = (77 << 8) | 6;     // segment 6 (BSE CD)

    private static MarketTick only(byte[] frame) {
        KiteTickParser.Frame parsed = KiteTickParser.parse(frame, RECEIVED);
        assertThat(parsed.malformed()).isZero();
        assertThat(parsed.ticks()).hasSize(1);
        return parsed.ticks().getFirst();
    }

    /** Prices keep the divisor's scale: 2 decimals, 7 for the currency segments (exact, no rounding). */
    @Test
    void anLtpPacketCarriesTokenAndPriceInPaise() {
        MarketTick tick = only(new KiteFrames().packet(KiteFrames.ltp(RELIANCE, 250_050)).frame());

        assertThat(tick.instrumentToken()).isEqualTo(InstrumentToken.of(RELIANCE));
        assertThat(tick.lastPrice()).isEqualTo(Price.of("2500.50"));
        assertThat(tick.mode()).isEqualTo(MarketTick.TickMode.LTP);
        assertThat(tick.tradable()).isTrue();
        assertThat(tick.timestamp()).isEqualTo(RECEIVED);
    }

    @Test
    void currencySegmentPricesAreDividedByTenMillion() {
        MarketTick nse = only(new KiteFrames().packet(KiteFrames.ltp(USDINR, 832_512_500)).frame());
        MarketTick bse = only(new KiteFrames().packet(KiteFrames.ltp(BSE_CD, 832_512_500)).frame());

        assertThat(nse.lastPrice().value()).isEqualByComparingTo("83.25125");
        assertThat(bse.lastPrice().value()).isEqualByComparingTo("83.25125");
    }

    @Test
    void anIndexQuotePacketCarriesOhlcAndChangeAndIsNotTradable() {
        MarketTick tick = only(new KiteFrames().packet(KiteFrames.index(NIFTY, 2_410_055, 2_420_000, 2_400_010,
                2_405_000, 2_398_000, 12_055, null)).frame());

        assertThat(tick.tradable()).isFalse();
        assertThat(tick.mode()).isEqualTo(MarketTick.TickMode.QUOTE);
        assertThat(tick.lastPrice()).isEqualTo(Price.of("24100.55"));
        assertThat(tick.ohlc()).isEqualTo(new MarketTick.Ohlc(Price.of("24050.00"), Price.of("24200.00"),
                Price.of("24000.10"), Price.of("23980.00")));
        assertThat(tick.change()).isEqualTo(Money.of("120.55"));
        assertThat(tick.timestamp()).isEqualTo(RECEIVED);
    }

    @Test
    void anIndexFullPacketIsTimestampedWithTheExchangeTime() {
        MarketTick tick = only(new KiteFrames().packet(KiteFrames.index(NIFTY, 2_410_055, 2_420_000, 2_400_010,
                2_405_000, 2_398_000, 12_055, 1_795_838_400)).frame());

        assertThat(tick.mode()).isEqualTo(MarketTick.TickMode.FULL);
        assertThat(tick.exchangeTimestamp()).isEqualTo(Instant.ofEpochSecond(1_795_838_400));
        assertThat(tick.timestamp()).isEqualTo(Instant.ofEpochSecond(1_795_838_400));
    }

    @Test
    void aQuotePacketCarriesVolumesAverageAndOhlc() {
        MarketTick tick = only(new KiteFrames().packet(KiteFrames.quote(RELIANCE, 250_050, 25, 249_875, 1_234_567,
                40_000, 35_000, 248_000, 251_000, 247_500, 249_000)).frame());

        assertThat(tick.mode()).isEqualTo(MarketTick.TickMode.QUOTE);
        assertThat(tick.lastTradedQuantity()).isEqualTo(25);
        assertThat(tick.averageTradedPrice()).isEqualTo(Price.of("2498.75"));
        assertThat(tick.volumeTraded()).isEqualTo(1_234_567);
        assertThat(tick.totalBuyQuantity()).isEqualTo(40_000);
        assertThat(tick.totalSellQuantity()).isEqualTo(35_000);
        assertThat(tick.ohlc()).isEqualTo(new MarketTick.Ohlc(Price.of("2480.00"), Price.of("2510.00"),
                Price.of("2475.00"), Price.of("2490.00")));
        assertThat(tick.change()).isEqualTo(Money.of("10.50"));
    }

    @Test
    void aFullPacketCarriesOpenInterestTimesAndFiveLevelsOfDepthPerSide() {
        int[][] depth = new int[10][];
        for (int i = 0; i < 5; i++) {
            depth[i] = new int[] {100 + i, 250_000 - i * 5, 3 + i};
            depth[5 + i] = new int[] {200 + i, 250_100 + i * 5, 7 + i};
        }
        int[] quote = {250_050, 25, 249_875, 1_234_567, 40_000, 35_000, 248_000, 251_000, 247_500, 249_000};
        MarketTick tick = only(new KiteFrames().packet(KiteFrames.full(RELIANCE, quote, 1_795_838_390, 5_000,
                5_500, 4_500, 1_795_838_400, depth)).frame());

        assertThat(tick.mode()).isEqualTo(MarketTick.TickMode.FULL);
        assertThat(tick.lastTradeTime()).isEqualTo(Instant.ofEpochSecond(1_795_838_390));
        assertThat(tick.exchangeTimestamp()).isEqualTo(Instant.ofEpochSecond(1_795_838_400));
        assertThat(tick.timestamp()).isEqualTo(Instant.ofEpochSecond(1_795_838_400));
        assertThat(Arrays.asList(tick.oi(), tick.oiDayHigh(), tick.oiDayLow())).containsExactly(5_000L, 5_500L, 4_500L);
        assertThat(tick.depth().buy()).hasSize(5).first().isEqualTo(new MarketTick.DepthLevel(Price.of("2500.00"), 100, 3));
        assertThat(tick.depth().buy().get(4)).isEqualTo(new MarketTick.DepthLevel(Price.of("2499.80"), 104, 7));
        assertThat(tick.depth().sell()).hasSize(5).first()
                .isEqualTo(new MarketTick.DepthLevel(Price.of("2501.00"), 200, 7));
        assertThat(tick.depth().sell().get(4)).isEqualTo(new MarketTick.DepthLevel(Price.of("2501.20"), 204, 11));
    }

    @Test
    void severalPacketsOfDifferentLengthsInOneFrameAreAllDecoded() {
        byte[] frame = new KiteFrames().packet(KiteFrames.ltp(RELIANCE, 100)).packet(KiteFrames.index(NIFTY, 1, 1, 1,
                1, 1, 0, null)).packet(KiteFrames.ltp(USDINR, 10_000_000)).frame();

        KiteTickParser.Frame parsed = KiteTickParser.parse(frame, RECEIVED);

        assertThat(parsed.ticks()).extracting(MarketTick::lastPrice)
                .containsExactly(Price.of("1.00"), Price.of("0.01"), Price.of("1.0000000"));
    }

    @Test
    void aOneByteFrameIsAHeartbeat() {
        KiteTickParser.Frame parsed = KiteTickParser.parse(new byte[] {0}, RECEIVED);
        assertThat(parsed.heartbeat()).isTrue();
        assertThat(parsed.ticks()).isEmpty();
    }

    @Test
    void malformedPacketsAreCountedAndSkippedWithoutLosingTheRestOfTheFrame() {
        byte[] frame = new KiteFrames().packet(ByteBuffer.allocate(13)).packet(KiteFrames.ltp(RELIANCE, 100)).frame();

        KiteTickParser.Frame parsed = KiteTickParser.parse(frame, RECEIVED);

        assertThat(parsed.malformed()).isEqualTo(1);
        assertThat(parsed.ticks()).hasSize(1);
    }

    @Test
    void aTruncatedFrameCountsItsMissingPacketsAsMalformedAndNeverThrows() {
        byte[] whole = new KiteFrames().packet(KiteFrames.ltp(RELIANCE, 100)).packet(KiteFrames.ltp(RELIANCE, 200))
                .frame();

        KiteTickParser.Frame parsed = KiteTickParser.parse(Arrays.copyOf(whole, whole.length - 3), RECEIVED);

        assertThat(parsed.ticks()).hasSize(1);
        assertThat(parsed.malformed()).isEqualTo(1);
        for (int cut = 0; cut < whole.length; cut++) {
            KiteTickParser.parse(Arrays.copyOf(whole, cut), RECEIVED);
        }
        assertThat(KiteTickParser.parse(new byte[] {(byte) 0xff, (byte) 0xff}, RECEIVED).malformed())
                .isEqualTo(65535);
    }
}
