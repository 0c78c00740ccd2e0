package com.alphapanda.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code dead_letters} holds a record once per consumer group that failed it: migration V120 folds the duplicates an
 * earlier version stored (keeping the first and re-pointing replays of the others at it), and the store then refuses a
 * second dead letter of the same record by the same group while another group's is stored.
 */
class DeadLettersOncePerGroupIT {

    private static final String PORTFOLIO = "alpha-panda.portfolio-manager.ticks";
    private static final String STRATEGIES = "alpha-panda.strategy-runner.ticks";

    @Test
    void duplicatesOfOneGroupAreFoldedIntoTheFirstAndNeverStoredAgain() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "61");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            UUID first = insertRaw(jdbc, 10, PORTFOLIO, null);
            UUID duplicate = insertRaw(jdbc, 11, PORTFOLIO, null);
            UUID other = insertRaw(jdbc, 12, STRATEGIES, null);
            UUID replayOfDuplicate = insertRawReplay(jdbc, 13, duplicate);

            migrate(dataSource, "latest");

            assertThat(jdbc.sql("SELECT id FROM dead_letters ORDER BY dlq_offset").query(UUID.class).list())
                    .containsExactly(first, other, replayOfDuplicate);
            assertThat(jdbc.sql("SELECT replay_of FROM dead_letters WHERE id = :id").param("id", replayOfDuplicate)
                    .query(UUID.class).single()).isEqualTo(first);

            DeadLetterStore store = new DeadLetterStore(jdbc);
            assertThat(store.insert(deadLetter(20, PORTFOLIO))).as("the same record, same group, again").isFalse();
            assertThat(store.insert(deadLetter(21, "alpha-panda.paper-trading.ticks"))).as("another group").isTrue();
            assertThat(store.search(new DeadLetterQuery("market.ticks", PORTFOLIO, null, null, null, null, null, 0,
                    50)).items()).extracting(DeadLetter::id).containsExactlyInAnyOrder(first, replayOfDuplicate);
        }
    }

    private static void migrate(javax.sql.DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static UUID insertRaw(JdbcClient jdbc, long dlqOffset, String group, UUID replayOf) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO dead_letters (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition,
                    original_offset, reason, consumer_group, dead_lettered_at, replay_of)
                VALUES (:id, 'market.ticks.dlq', 0, :dlqOffset, 'market.ticks', 0, :originalOffset, 'invalid_event',
                    :group, now(), :replayOf)""")
                .param("id", id).param("dlqOffset", dlqOffset).param("originalOffset", replayOf == null ? 42L : 99L)
                .param("group", group).param("replayOf", replayOf).update();
        return id;
    }

    private static UUID insertRawReplay(JdbcClient jdbc, long dlqOffset, UUID replayOf) {
        return insertRaw(jdbc, dlqOffset, PORTFOLIO, replayOf);
    }

    private static DeadLetter deadLetter(long dlqOffset, String group) {
        return new DeadLetter(UUID.randomUUID(), "market.ticks.dlq", 0, dlqOffset, "market.ticks", 0, 42L, null,
                "k".getBytes(StandardCharsets.UTF_8), new byte[] {1}, List.of(), "invalid_event", null, null,
                DeadLetterParser.serviceOf(group), group, "shared", null, 1, Instant.now(), DeadLetterStatus.PENDING,
                0, null, null);
    }
}
