package com.alphapanda.execution.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.instrument.InstrumentImport;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code instruments sync}: Kite's instrument dump through the existing import. */
class ZerodhaInstrumentSyncTest {

    private static ZerodhaTestDatabase db;

    @BeforeAll
    static void startDatabase() {
        db = new ZerodhaTestDatabase();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        db.close();
    }

    @Test
    void theDumpIsImportedWithMalformedRowsReportedAndOnlyWithASession() throws IOException {
        db.clearZerodha();
        try (FakeKite kite = new FakeKite()) {
            ZerodhaProperties properties = ZerodhaFixture.properties(kite.url(), null);
            KiteSessions sessions = new KiteSessions(properties, db.jdbc, Clock.systemUTC());
            ZerodhaInstrumentSync sync = new ZerodhaInstrumentSync(new KiteHttp(ZerodhaFixture.HTTP, kite.url(),
                    FakeKite.API_KEY, properties.requestTimeout()), sessions,
                    new InstrumentImport(new JdbcTemplate(db.dataSource)));

            assertThatThrownBy(sync::sync).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no Kite session");

            kite.acceptAccessToken(ZerodhaFixture.ACCESS_TOKEN);
            sessions.save(FakeKite.USER_ID, ZerodhaFixture.ACCESS_TOKEN, "access_token");
            InstrumentImport.Result result = sync.sync();

            assertThat(result.imported()).isEqualTo(3);
            assertThat(result.skipped()).hasSize(1);
            assertThat(db.jdbc.sql("SELECT tradingsymbol FROM instruments WHERE instrument_token = 2953217")
                    .query(String.class).single()).isEqualTo("TCS");
        }
    }
}
