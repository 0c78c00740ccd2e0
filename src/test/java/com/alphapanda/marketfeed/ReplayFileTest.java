package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.InstrumentToken;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayFileTest {

    @Test
    void readsCsvAndJsonlLinesInTimestampOrderAndReportsMalformedLinesByNumber() throws Exception {
        ReplayFile.Parsed parsed = ReplayFile.read(new StringReader("""
                timestamp,instrument_token,last_price,volume,last_quantity
                # a comment
                2026-01-05T10:00:02+05:30,738561,2500.10
                1767587401000,738561,2500.05,1000,10
                2026-01-05T10:00:00,256265,24000
                2026-01-05T10:00:03+05:30,738561,-1
                not-a-time,738561,2500
                2026-01-05T10:00:04+05:30,abc,2500
                2026-01-05T10:00:05+05:30,738561
                {"instrument_token": 260105, "last_price": "51000.5", "timestamp": "2026-01-05T04:30:05Z"}
                {"instrument_token": 260105}

                """));

        assertThat(parsed.ticks()).extracting(MarketTick::timestamp).containsExactly(
                Instant.parse("2026-01-05T04:30:00Z"), Instant.parse("2026-01-05T04:30:01Z"),
                Instant.parse("2026-01-05T04:30:02Z"), Instant.parse("2026-01-05T04:30:05Z"));
        assertThat(parsed.ticks().get(0).instrumentToken()).isEqualTo(InstrumentToken.of(256265));
        assertThat(parsed.ticks().get(1).volumeTraded()).isEqualTo(1000L);
        assertThat(parsed.ticks().get(1).lastTradedQuantity()).isEqualTo(10L);
        assertThat(parsed.ticks().get(3).lastPrice().value()).isEqualByComparingTo("51000.5");
        assertThat(parsed.problems()).hasSize(5);
        assertThat(parsed.problems().get(0)).startsWith("line 6: ").contains("price must be positive");
        assertThat(parsed.problems().get(1)).startsWith("line 7: timestamp 'not-a-time' is neither ISO-8601");
        assertThat(parsed.problems().get(2)).isEqualTo("line 8: instrument_token 'abc' is not a whole number");
        assertThat(parsed.problems().get(3)).startsWith("line 9: expected 3 or 5 fields");
        assertThat(parsed.problems().get(4)).startsWith("line 11: ");
    }

    @Test
    void replaySpeedScalesEventTimeOrRunsFlatOut() {
        assertThat(ReplaySpeed.parse("2").scale(java.time.Duration.ofSeconds(10))).hasSeconds(5);
        assertThat(ReplaySpeed.parse("MAX").scale(java.time.Duration.ofHours(1))).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplaySpeed.parse("0"))
                .hasMessageContaining("'max' or a positive number");
    }
}
