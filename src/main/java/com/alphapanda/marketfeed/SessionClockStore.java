package com.alphapanda.marketfeed;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulated feed's session clock in PostgreSQL ({@code simulated_session}), so a restart continues it. */
final class SessionClockStore implements SimulatedTickSource.SessionCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(SessionClockStore.class);
    private static final String FEED = "simulated";

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionClockStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Instant> load() {
        return jdbc.sql("SELECT session_time FROM simulated_session WHERE feed = :feed").param("feed", FEED)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Stores the clock; a failure is logged (the feed goes on; a restart would then resume from an older point). */
    @Override
    public void save(Instant sessionTime) {
        try {
            jdbc.sql("""
                    INSERT INTO simulated_session (feed, session_time, updated_at) VALUES (:feed, :time, :now)
                    ON CONFLICT (feed) DO UPDATE SET session_time = GREATEST(simulated_session.session_time,
                        EXCLUDED.session_time), updated_at = EXCLUDED.updated_at""")
                    .param("feed", FEED).param("time", sessionTime.atOffset(ZoneOffset.UTC))
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DataAccessException e) {
            log.warn("Simulated session clock not stored ({}); a restart resumes from the last stored point",
                    e.getMessage());
        }
    }
}
