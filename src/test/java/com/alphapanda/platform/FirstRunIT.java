package com.alphapanda.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * What a new user sees on a fresh data directory in development: the demo strategies trade on the simulated feed,
 * the log says which day the simulated session stands for, and the admin token comes last, in a box.
 */
@ExtendWith(OutputCaptureExtension.class)
// the demo keeps trading on the shared embedded servers while its context lives: closed after this class so that it
// does not write the read models other tests wipe and watch
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alpha-panda.demo=true", "alpha-panda.api.bootstrap-token=", "alpha-panda.market-feed.source=simulated"})
class FirstRunIT {

    private static final Pattern TOKEN = Pattern.compile("export ALPHA_PANDA_TOKEN=(ap_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFreshDevelopmentRunTradesTheDemoStrategiesAndPrintsTheTokenLast(CapturedOutput output) {
        String log = output.getAll();
        int up = log.indexOf("Alpha Panda is up at");
        int guide = log.indexOf("Demo mode (development only");
        Matcher token = TOKEN.matcher(log);
        assertThat(token.find()).as("the development admin token is printed").isTrue();
        assertThat(up).isPositive();
        assertThat(guide).isGreaterThan(up);
        assertThat(token.start()).as("the token box comes after the summary and the demo guide").isGreaterThan(guide);
        assertThat(log.substring(token.start() - 400, token.start())).contains("#####");
        assertThat(log).contains("the simulated session stands for ").contains("Demo: seeded 4 demo strategies");

        ApiTestClient api = new ApiTestClient(port, token.group(1));
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/strategies").get("items").forEach(s -> ids.add(s.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("demo_momentum", "demo_mean_reversion", "demo_rsi",
                "demo_low_frequency");
        assertThat(api.get("/actuator/info").at("/simulatedSession/tradingDate").asString()).matches("\\d{4}-\\d\\d-\\d\\d");

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/signals").get("items"),
                signals -> !signals.isEmpty());
        JsonNode fills = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/v1/fills?strategy=demo_low_frequency").get("items"), f -> !f.isEmpty());
        assertThat(fills.get(0).get("side").asString()).isEqualTo("BUY");
        assertThat(api.get("/api/v1/signals?strategy=demo_low_frequency").get("items")).isNotEmpty();
        // the read model is written just after the fill's batch commits
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/portfolios").toString(),
                portfolios -> portfolios.contains("demo_low_frequency"));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM simulated_session")
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT strategies FROM demo_seeding").query(String.class).single())
                .contains("demo_momentum");
    }
}
