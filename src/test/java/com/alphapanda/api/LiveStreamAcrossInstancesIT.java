package com.alphapanda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.ApiTestClient;
import com.alphapanda.SseTestClient;
import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.OrderFilled;
import com.alphapanda.core.event.SignalType;
import com.alphapanda.core.id.InstrumentToken;
import com.alphapanda.core.id.StrategyId;
import com.alphapanda.core.money.Money;
import com.alphapanda.core.money.Price;
import com.alphapanda.core.money.Quantity;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on the same Kafka, PostgreSQL and Redis: this test's context runs every service; a second context runs
 * only {@code alpha-panda.services=api,risk}. The second joins the risk groups and no other, says so in
 * {@code /actuator/info}, and its stream clients see the events of both instances: fills from Kafka, portfolio
 * updates (made only by the first) relayed through Redis, with the same ids on both, so a client resumes on one
 * instance after the last event it saw on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamAcrossInstancesIT {

    private static final String SECOND = "stream-second";

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    LiveEvents liveEvents;
    @Autowired
    Environment env;

    private ConfigurableApplicationContext second;

    @BeforeEach
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(AlphaPandaApplication.class).run(
                "--alpha-panda.instance-id=" + SECOND,
                "--alpha-panda.services=api,risk",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"));
    }

    @AfterEach
    void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void anInstanceRunningOnlyApiAndRiskJoinsOnlyTheRiskGroupsAndSaysSo() throws Exception {
        ApiTestClient api = new ApiTestClient(secondPort());
        assertThat(api.get("/actuator/info").at("/instance/services").toString()).isEqualTo("[\"risk\",\"api\"]");
        String first = env.getProperty("alpha-panda.instance-id");
        List<String> others = List.of("alpha-panda.strategy-runner.ticks", "alpha-panda.paper-trading.signals",
                "alpha-panda.paper-trading.ticks." + first, "alpha-panda.portfolio-manager.orders",
                "alpha-panda.portfolio-manager.ticks." + first, "alpha-panda.reconciliation.snapshots",
                "alpha-panda.deadletter.store");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.getProperty("spring.kafka.bootstrap-servers")))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> clientIds(admin, "alpha-panda.risk-manager.signals")
                    .stream().anyMatch(id -> id.startsWith(SECOND)));
            for (String group : others) {
                assertThat(clientIds(admin, group)).as(group).isNotEmpty().noneMatch(id -> id.startsWith(SECOND));
            }
            for (String own : List.of("alpha-panda.paper-trading.ticks." + SECOND,
                    "alpha-panda.portfolio-manager.ticks." + SECOND)) {
                assertThat(admin.listGroups().all().get()).as("the second instance's own tick groups")
                        .noneMatch(listing -> listing.groupId().equals(own));
            }
        }
    }

    @Test
    void aClientOfEitherInstanceSeesTheEventsOfBothAndResumesOnTheOther() throws Exception {
        String strategy = "across_" + Long.toString(System.nanoTime(), 36);
        String lastSeenOnFirst;
        try (SseTestClient onSecond = new SseTestClient(secondPort(), null);
             SseTestClient onFirst = new SseTestClient(port, null)) {
            awaitStreamConsumer(onSecond, onFirst);
            String fillId = publishFill(strategy);
            // the fill from Kafka, and the portfolio update only the first instance makes, relayed through Redis
            await().atMost(Duration.ofSeconds(30)).until(() -> onSecond.named("fill").stream()
                    .anyMatch(e -> e.data().contains(fillId)));
            await().atMost(Duration.ofSeconds(30)).until(() -> onSecond.named("portfolio").stream()
                    .anyMatch(e -> e.data().contains(strategy)));
            await().atMost(Duration.ofSeconds(30)).until(() -> onFirst.named("portfolio").stream()
                    .anyMatch(e -> e.data().contains(strategy)));
            SseTestClient.Event fillOnFirst = onFirst.named("fill").stream().filter(e -> e.data().contains(fillId))
                    .findFirst().orElseThrow();
            SseTestClient.Event fillOnSecond = onSecond.named("fill").stream().filter(e -> e.data().contains(fillId))
                    .findFirst().orElseThrow();
            assertThat(fillOnSecond.id()).as("the same id on both instances").isEqualTo(fillOnFirst.id());
            SseTestClient.Event update = onFirst.named("portfolio").getLast();
            assertThat(onSecond.events.stream().filter(e -> e.id().equals(update.id())).findFirst().orElseThrow()
                    .data()).isEqualTo(update.data());
            lastSeenOnFirst = onFirst.events.getLast().id();
        }
        liveEvents.publish(LiveEvents.ALERT, Map.of("missed", strategy)); // made on the first instance
        try (SseTestClient resumedOnSecond = new SseTestClient(secondPort(), lastSeenOnFirst)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumedOnSecond.named("alert").stream()
                    .anyMatch(e -> e.data().contains(strategy)));
            assertThat(resumedOnSecond.events).noneMatch(e -> e.id().equals(lastSeenOnFirst));
        }
    }

    @Test
    void anInstanceWithoutTheApiServiceAnswersItsRoutesWith404ButServesHealth() {
        try (ConfigurableApplicationContext third = new SpringApplicationBuilder(AlphaPandaApplication.class).run(
                "--alpha-panda.instance-id=stream-third", "--alpha-panda.services=monitoring", "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"))) {
            ApiTestClient api = new ApiTestClient(((WebServerApplicationContext) third).getWebServer().getPort());
            var response = api.request("GET", "/api/v1/portfolios", null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("does not serve the API");
            JsonNode info = api.get("/actuator/info");
            assertThat(info.at("/instance/services").toString()).isEqualTo("[\"monitoring\"]");
        }
    }

    @Test
    void aMonitoringInstanceJudgesThePipelineFromTheStagesOfEveryInstance() throws Exception {
        try (ConfigurableApplicationContext monitor = new SpringApplicationBuilder(AlphaPandaApplication.class).run(
                "--alpha-panda.instance-id=stream-monitor", "--alpha-panda.services=api,monitoring",
                "--server.port=0", "--alpha-panda.monitoring.pipeline.interval=1s",
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"))) {
            ApiTestClient api = new ApiTestClient(((WebServerApplicationContext) monitor).getWebServer().getPort());
            String first = env.getProperty("alpha-panda.instance-id");
            publishFill("monitored_" + Long.toString(System.nanoTime(), 36)); // applied by the first instance only
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode pipeline = api.get("/api/v1/monitoring/pipeline?broker=paper");
                assertThat(pipeline.path("instances").toString()).contains("\"" + first + "\"", "\"stream-monitor\"");
                JsonNode portfolio = stageOf(pipeline, "portfolio_manager");
                assertThat(portfolio.path("events").asLong()).as("portfolio events of the first instance")
                        .isPositive();
                assertThat(portfolio.path("health").asString()).isEqualTo("healthy");
                assertThat(portfolio.path("lastActivity").isNull()).isFalse();
            });
            assertThat(monitor.getBean(MeterRegistry.class).get("pipeline.events").tag("stage", "portfolio_manager")
                    .tag("broker", "paper").counter().count()).as("the monitoring instance applied no fill itself")
                    .isZero();
        }
    }

    private static JsonNode stageOf(JsonNode pipeline, String stage) {
        for (JsonNode s : pipeline.at("/brokers/0/stages")) {
            if (s.path("stage").asString().equals(stage)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + stage + " in " + pipeline);
    }

    /** Both stream consumers are assigned (from the latest offset): a fill published now reaches both. */
    private void awaitStreamConsumer(SseTestClient... clients) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String probe = publishFill("probe_" + UUID.randomUUID().toString().substring(0, 8));
            Thread.sleep(500);
            for (SseTestClient client : clients) {
                if (client.named("fill").stream().noneMatch(e -> e.data().contains(probe))) {
                    return false;
                }
            }
            return true;
        });
    }

    private String publishFill(String strategy) {
        String fillId = "fill-" + UUID.randomUUID();
        OrderFilled fill = new OrderFilled("ord-" + fillId, fillId, StrategyId.of(strategy), InstrumentToken.of(738561),
                SignalType.BUY, Quantity.of(10), Price.of("2500.5"), Money.of("2.50"), Instant.now());
        publisher.publish(Topics.ordersFilled(Broker.PAPER), Envelopes.root(Topics.ordersFilled(Broker.PAPER), fill,
                "test")).join();
        return fillId;
    }

    private int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    private static List<String> clientIds(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(MemberDescription::clientId).toList();
    }
}
