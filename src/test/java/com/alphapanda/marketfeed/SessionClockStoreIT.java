package com.alphapanda.marketfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.instrument.NseCalendar;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulated session clock in PostgreSQL: what a restart resumes from (context of PlatformIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class SessionClockStoreIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoredClockNeverGoesBackAndARestartResumesFromIt() {
        SessionClockStore store = new SessionClockStore(jdbc, Clock.systemUTC());
        Instant friday = Instant.parse("2026-11-27T08:32:10Z");
        store.save(friday);
        store.save(friday.minusSeconds(3600));

        assertThat(store.load()).contains(friday);
        SimulatedSession restarted = SimulatedSession.resume(NseCalendar.withBundledHolidays(),
                Instant.parse("2026-11-29T05:30:00Z"), store.load().orElse(null));
        assertThat(restarted.now()).isEqualTo(friday);
        store.save(Instant.parse("2026-11-30T04:00:00Z"));
        assertThat(store.load()).contains(Instant.parse("2026-11-30T04:00:00Z"));
    }
}
