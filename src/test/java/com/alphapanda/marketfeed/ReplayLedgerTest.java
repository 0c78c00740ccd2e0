package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.money.Price;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayLedgerTest {

    private static final String FILE = ReplayLedger.identity("a,b,c\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void theProgressOfTheSameFileGivesItsNextTickAndAnyOtherFileStartsFromTheBeginning() {
        assertThat(ReplayLedger.nextOf("replay " + FILE + " 1234", FILE)).isEqualTo(1234);
        assertThat(ReplayLedger.nextOf("replay " + "0".repeat(64) + " 1234", FILE)).isZero();
        assertThat(ReplayLedger.nextOf(null, FILE)).isZero();
        assertThat(ReplayLedger.nextOf("", FILE)).isZero();
        assertThat(ReplayLedger.nextOf("replay " + FILE + " many", FILE)).isZero();
        assertThat(ReplayLedger.nextOf("replay " + FILE + " -5", FILE)).isZero();
    }

    @Test
    void aFileIsIdentifiedByItsBytes() {
        assertThat(ReplayLedger.identity("a,b,c\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(FILE).hasSize(64);
        assertThat(ReplayLedger.identity("a,b,d\n".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(FILE);
    }

    @Test
    void theSameTickOfTheSameFileAlwaysHasTheSameVersionSevenIdAndOtherTicksOthers() {
        long millis = Instant.parse("2026-01-05T03:45:01Z").toEpochMilli();
        EventId id = ReplayLedger.tickId(FILE, 7, millis);
        assertThat(ReplayLedger.tickId(FILE, 7, millis)).isEqualTo(id);
        assertThat(id.value().version()).isEqualTo(7);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(id.value().getMostSignificantBits() >>> 16).isEqualTo(millis);
        Set<EventId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ReplayLedger.tickId(FILE, i, millis));
        }
        assertThat(ids).hasSize(10_000);
        assertThat(ReplayLedger.tickId(ReplayLedger.identity(new byte[] {1}), 7, millis)).isNotEqualTo(id);
    }

    @Test
    void aReplayedTickIsARootEventOfTheFeedWithItsDerivedId() {
        MarketTick tick = MarketTick.ltp(InstrumentToken.of(738561), Price.of("2500.5"),
                Instant.parse("2026-01-05T03:45:01Z"));
        Envelope<MarketTick> envelope = ReplayLedger.envelope(FILE, tick, 3);
        assertThat(envelope.id()).isEqualTo(ReplayLedger.tickId(FILE, 3, tick.timestamp().toEpochMilli()));
        assertThat(envelope.correlationId()).isEqualTo(envelope.id().asString());
        assertThat(envelope.causationId()).isNull();
        assertThat(envelope.key()).isEqualTo("738561");
        assertThat(envelope.broker()).isEqualTo("shared");
        assertThat(envelope.source()).isEqualTo("market_feed");
        assertThat(envelope.occurredAt()).isEqualTo(tick.timestamp());
    }
}
