package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.PipelineTestSupport;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventPayload;
import com.alphapanda.core.event.MarketTick;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.PnlSnapshot.SnapshotType;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.jobs.ClusterJob;
import com.alphapanda.core.jobs.ClusterJobs;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.topic.Topic;
import com.alphapanda.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Exactly one of each job across instances, and portfolio state shared by instances: job locks and their takeover,
 * versioned read-model writes, and two application instances on one Kafka, PostgreSQL and Redis taking each due
 * snapshot once while both mark every instrument.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.instance-id=jobs-it-a")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsIT {

    /** A past NSE trading day (Tuesday 17 Nov 2026), in IST. */
    static final Instant AT_0920 = Instant.parse("2026-11-17T03:50:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    EventPublisher publisher;
    @Autowired
    Environment env;
    @Autowired
    ClusterJobs jobs;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    SnapshotTaker taker;
    @Autowired
    LastPrices lastPrices;

    @Test
    @Order(1)
    void aJobIsRunByOneRunnerAndTakenOverWhenTheOwnersConnectionDiesOrItStops() {
        String name = "it.job." + UUID.randomUUID();
        try (ClusterJobs first = new ClusterJobs(dataSource, Duration.ofMillis(200));
             ClusterJobs second = new ClusterJobs(dataSource, Duration.ofMillis(200))) {
            ClusterJob a = first.job(name);
            ClusterJob b = second.job(name);
            assertThat(a.owned()).isTrue();
            assertThat(b.owned()).isFalse();

            terminateOwnerOf(name); // the owner's session dies (as when its instance is killed)
            await().atMost(Duration.ofSeconds(10)).until(() -> b.owned() && !a.owned());
            long epoch = b.epoch();

            second.close(); // an orderly stop releases the lock at once
            await().atMost(Duration.ofSeconds(10)).until(a::owned);
            assertThat(b.owned()).isFalse();
            assertThat(a.epoch()).isNotEqualTo(epoch);
        }
    }

    @Test
    @Order(2)
    void anOlderReadModelIsRefusedAndAnEqualOrNewerOneIsWritten() {
        PortfolioKey key = new PortfolioKey(Broker.PAPER, PipelineTestSupport.freshStrategy("versions"));
        ReadModelWriter writer = new ReadModelWriter(redis);
        Instant t1 = AT_0920;
        Instant t2 = t1.plusSeconds(1);

        assertThat(writer.write(key, new ReadModelWriter.Version(3, t2), "{\"v\":\"a\"}", "{\"s\":\"a\"}")).isTrue();
        assertThat(writer.write(key, new ReadModelWriter.Version(2, t2.plusSeconds(60)), "{\"v\":\"b\"}",
                "{\"s\":\"b\"}")).as("fewer fills, however new its marks").isFalse();
        assertThat(writer.write(key, new ReadModelWriter.Version(3, t1), "{\"v\":\"c\"}", "{\"s\":\"c\"}"))
                .as("same fills, older marks").isFalse();
        assertThat(stored(key)).isEqualTo("{\"v\":\"a\"}");
        assertThat(redis.opsForHash().get(PortfolioKey.summaryKey(Broker.PAPER), key.strategyId().value()))
                .isEqualTo("{\"s\":\"a\"}");

        assertThat(writer.write(key, new ReadModelWriter.Version(3, t2), "{\"v\":\"d\"}", "{\"s\":\"d\"}"))
                .as("the same version: a rebuild in place").isTrue();
        assertThat(writer.write(key, new ReadModelWriter.Version(4, null), "{\"v\":\"e\"}", "{\"s\":\"e\"}"))
                .as("one more fill").isTrue();
        assertThat(stored(key)).isEqualTo("{\"v\":\"e\"}");
        assertThat(redis.opsForHash().get(ReadModelWriter.versionKey(key), key.strategyId().value()))
                .isEqualTo("4:0");
    }

    @Test
    @Order(3)
    void twoInstancesMarkEveryInstrumentTakeEachDueSnapshotOnceAndTheSnapshotJobIsTakenOver() {
        StrategyId strategy = PipelineTestSupport.freshStrategy("jobs");
        PortfolioKey key = new PortfolioKey(Broker.PAPER, strategy);
        List<InstrumentToken> instruments = IntStream.range(0, 8).mapToObj(i -> PipelineTestSupport.freshInstrument())
                .toList();
        InstrumentToken held = instruments.getFirst();
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int partitions = Topics.MARKET_TICKS.partitions();
            await().atMost(Duration.ofSeconds(90)).until(() -> assigned(listeners) == partitions
                    && assigned(second.getBean(KafkaListenerEndpointRegistry.class)) == partitions);
            ClusterJob snapshotsHere = job(jobs, PortfolioConfiguration.SNAPSHOTS_JOB);
            ClusterJob snapshotsThere = job(second.getBean(ClusterJobs.class), PortfolioConfiguration.SNAPSHOTS_JOB);
            assertThat(snapshotsHere.owned()).isTrue();
            assertThat(snapshotsThere.owned()).isFalse();

            publish(Topics.ordersFilled(Broker.PAPER), new OrderFilled("ord-" + strategy, "fill-" + strategy,
                    strategy, held, SignalType.BUY, Quantity.of(10), Price.of("100"), Money.of("1"), AT_0920));
            await().atMost(Duration.ofSeconds(30)).until(() -> redis.opsForValue().get(key.redisKey()) != null);
            for (int i = 0; i < instruments.size(); i++) {
                publish(Topics.MARKET_TICKS, MarketTick.ltp(instruments.get(i), Price.of(101 + i + ".5"),
                        AT_0920.plusSeconds(60)));
            }
            LastPrices thereMarks = second.getBean(LastPrices.class);
            await("both instances mark every instrument").atMost(Duration.ofSeconds(30)).until(() ->
                    instruments.stream().allMatch(t -> lastPrices.of(t).isPresent() && thereMarks.of(t).isPresent()));
            await("the read model carries the mark").atMost(Duration.ofSeconds(30)).until(() ->
                    redis.opsForValue().get(key.redisKey()).contains("101.5"));

            tick(held, "102", AT_0920.plusSeconds(11 * 60)); // 09:31: snapshots due at 09:25 and 09:30
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduled(key).size() == 2);
            taker.take(key, SnapshotType.PERIODIC, AT_0920.plusSeconds(5 * 60)); // 09:25 taken again
            UUID sentinel = taker.take(key, SnapshotType.RECONCILIATION, AT_0920.plusSeconds(12 * 60)).orElseThrow()
                    .snapshotId().value();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(sentinel));
            assertThat(scheduled(key)).containsExactly("2026-11-17T03:55:00Z periodic 1",
                    "2026-11-17T04:00:00Z periodic 1");
            assertThat(jdbc.sql("SELECT id FROM pnl_snapshots WHERE portfolio_id = :p AND snapshot_timestamp = :t")
                    .param("p", key.portfolioId()).param("t", AT_0920.plusSeconds(5 * 60).atOffset(
                            java.time.ZoneOffset.UTC)).query(UUID.class).single())
                    .isEqualTo(SnapshotIds.of(key.portfolioId(), SnapshotType.PERIODIC, AT_0920.plusSeconds(300))
                            .value());

            jobs.close(); // this instance gives its jobs up: the second one takes them over
            await().atMost(Duration.ofSeconds(15)).until(snapshotsThere::owned);
            tick(held, "103", AT_0920.plusSeconds(21 * 60)); // 09:41: snapshots due at 09:35 and 09:40
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduled(key).size() == 4);
            assertThat(scheduled(key)).containsExactly("2026-11-17T03:55:00Z periodic 1",
                    "2026-11-17T04:00:00Z periodic 1", "2026-11-17T04:05:00Z periodic 1",
                    "2026-11-17T04:10:00Z periodic 1");
        }
    }

    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(AlphaPandaApplication.class).run(
                "--alpha-panda.instance-id=jobs-it-b",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"));
    }

    private static int assigned(KafkaListenerEndpointRegistry registry) {
        var partitions = registry.getListenerContainer("portfolio-manager.ticks").getAssignedPartitions();
        return partitions == null ? 0 : partitions.size();
    }

    private static ClusterJob job(ClusterJobs jobs, String name) {
        return jobs.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    /** Scheduled snapshots of the portfolio: "time type count" per portfolio, due time and type. */
    private List<String> scheduled(PortfolioKey key) {
        return jdbc.sql("""
                SELECT to_char(snapshot_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' '
                       || snapshot_type || ' ' || count(*)
                FROM pnl_snapshots WHERE portfolio_id = :p AND snapshot_type <> 'reconciliation'
                GROUP BY snapshot_timestamp, snapshot_type ORDER BY snapshot_timestamp""")
                .param("p", key.portfolioId()).query(String.class).list();
    }

    private boolean stored(UUID id) {
        return jdbc.sql("SELECT count(*) FROM pnl_snapshots WHERE id = :id").param("id", id).query(Long.class)
                .single() == 1;
    }

    private String stored(PortfolioKey key) {
        return redis.opsForValue().get(key.redisKey());
    }

    private void terminateOwnerOf(String job) {
        assertThat(jdbc.sql("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = :lockClass
                  AND objid::bigint = (hashtext(:job)::bigint & 4294967295)""")
                .param("lockClass", 0x41504A42L).param("job", job).query(Boolean.class).list())
                .containsExactly(true);
    }

    private void tick(InstrumentToken token, String price, Instant at) {
        publish(Topics.MARKET_TICKS, MarketTick.ltp(token, Price.of(price), at));
    }

    private <F extends EventPayload, E extends F> void publish(Topic<F> topic, E payload) {
        publisher.publish(topic, Envelopes.root(topic, payload, "test")).join();
    }
}
