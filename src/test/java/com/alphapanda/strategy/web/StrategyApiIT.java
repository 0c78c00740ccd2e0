package com.alphapanda.strategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import com.alphapanda.PipelineTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Strategy administration over the REST API. Same context configuration as PlatformIT, so the context is shared. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class StrategyApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiTestClient api() {
        return new ApiTestClient(port);
    }

    private String create(String id, String parameters) {
        return "{\"id\":\"" + id + "\",\"type\":\"momentum\",\"instruments\":[" + subscribedInstrument()
                + "],\"parameters\":" + parameters + ",\"brokers\":[\"paper\",\"zerodha\"]}";
    }

    /** A fresh instrument added to the trading universe, as {@code instruments import} does. */
    private long subscribedInstrument() {
        long token = PipelineTestSupport.freshInstrument().value();
        jdbc.sql("INSERT INTO instruments (instrument_token, tradingsymbol, exchange) VALUES (:t, :s, 'NSE')")
                .param("t", token).param("s", "T" + token).update();
        jdbc.sql("INSERT INTO instrument_registry (instrument_token, tradingsymbol, exchange) VALUES (:t, :s, 'NSE')")
                .param("t", token).param("s", "T" + token).update();
        return token;
    }

    @Test
    void aBodyLargerThanTheLimitIsA413AndNothingIsStored() {
        String id = PipelineTestSupport.freshStrategy("huge").value();
        String tokens = String.join(",", java.util.Collections.nCopies(200_000, "738561"));
        HttpResponse<String> response = api().request("POST", "/api/v1/strategies",
                "{\"id\":\"" + id + "\",\"type\":\"momentum\",\"instruments\":[" + tokens + "]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 1048576 bytes");
        assertThat(api().request("GET", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void tooManyNoOrUnknownInstrumentsAndUnboundedParametersAre400sAndNothingIsStored() {
        String id = PipelineTestSupport.freshStrategy("bounds").value();
        String many = String.join(",", java.util.stream.LongStream.rangeClosed(1, 201).mapToObj(Long::toString)
                .toList());
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"" + id + "\",\"type\":\"momentum\",\"instruments\":[" + many + "]}"),
                "from 1 to 200 instrument tokens are required, got 201");
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"" + id + "\",\"type\":\"momentum\",\"instruments\":[]}"),
                "from 1 to 200 instrument tokens are required, got 0");
        long unknown = PipelineTestSupport.freshInstrument().value();
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"" + id + "\",\"type\":\"momentum\",\"instruments\":[738561," + unknown + "]}"),
                "instruments outside the trading universe (import or subscribe them first): " + unknown);
        assertProblem(api().request("POST", "/api/v1/strategies", create(id, "{\"lookback_periods\":2000000000}")),
                "parameter 'lookback_periods' must be a whole number from 2 to 5000");
        assertThat(api().request("GET", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(404);

        api().post("/api/v1/strategies", create(id, "{}"), 201);
        assertProblem(api().request("PUT", "/api/v1/strategies/" + id + "/parameters",
                "{\"parameters\":{\"lookback_periods\":100000000}}"), "from 2 to 5000");
        assertProblem(api().request("PUT", "/api/v1/strategies/" + id + "/parameters",
                "{\"parameters\":{\"position_size\":1e400}}"), "parameter 'position_size'");
        assertThat(api().get("/api/v1/strategies/" + id).get("parameters").size()).as("unchanged").isZero();
        api().request("DELETE", "/api/v1/strategies/" + id, null);
    }

    @Test
    void aStoredStrategyBeyondTheBoundsIsReportedAndSkippedAndTheOthersKeepRunning() {
        String bad = PipelineTestSupport.freshStrategy("stored_bad").value();
        String good = PipelineTestSupport.freshStrategy("stored_good").value();
        api().post("/api/v1/strategies", create(good, "{}"), 201);
        jdbc.sql("""
                INSERT INTO strategy_configurations (id, strategy_type, instruments, parameters, target_brokers)
                VALUES (:id, 'momentum', (SELECT jsonb_agg(g) FROM generate_series(1, 2000000) g),
                        '{"lookback_periods": 2000000000}', '{paper}')""").param("id", bad).update();
        try {
            JsonNode stored = api().get("/api/v1/strategies/" + bad);
            assertThat(stored.get("running").asBoolean()).isFalse();
            assertThat(stored.get("problem").asString()).contains("2000000 instruments, at most 200 are allowed");
            jdbc.sql("UPDATE strategy_configurations SET instruments = '[738561]' WHERE id = :id").param("id", bad)
                    .update();
            assertThat(api().get("/api/v1/strategies/" + bad).get("problem").asString())
                    .contains("parameter 'lookback_periods' must be a whole number from 2 to 5000");
            assertThat(api().post("/api/v1/strategies/" + good + "/disable", null, 200).get("running").asBoolean())
                    .as("the reloader survived the bad row").isFalse();
            assertThat(api().post("/api/v1/strategies/" + good + "/enable", null, 200).get("running").asBoolean())
                    .isTrue();
        } finally {
            jdbc.sql("DELETE FROM strategy_configurations WHERE id = :id").param("id", bad).update();
            api().request("DELETE", "/api/v1/strategies/" + good, null);
        }
    }

    @Test
    void aStrategyWithAnOpenPositionOrARestingOrderCannotBeDeletedUntilItIsFlat() {
        String id = PipelineTestSupport.freshStrategy("held").value();
        api().post("/api/v1/strategies", create(id, "{}"), 201);
        jdbc.sql("""
                INSERT INTO positions (broker, strategy_id, instrument_token, quantity, cost_basis)
                VALUES ('paper', :id, 738561, 10, 25000)""").param("id", id).update();
        jdbc.sql("""
                INSERT INTO orders (order_id, broker, strategy_id, instrument_token, side, quantity, updated_at)
                VALUES (:order, 'paper', :id, 738561, 'BUY', 5, now())""")
                .param("order", "o-" + id).param("id", id).update();

        HttpResponse<String> refused = api().request("DELETE", "/api/v1/strategies/" + id, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("1 open position(s) and 1 resting order(s): flatten it");
        assertThat(api().request("GET", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE positions SET quantity = 0, cost_basis = 0 WHERE strategy_id = :id").param("id", id).update();
        jdbc.sql("UPDATE orders SET filled_quantity = 5 WHERE strategy_id = :id").param("id", id).update();
        assertThat(api().request("DELETE", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aStrategyIsCreatedUpdatedDisabledEnabledAndDeletedAndEachChangeRunsWithoutRestart() {
        String id = PipelineTestSupport.freshStrategy("api").value();
        HttpResponse<String> created = api().request("POST", "/api/v1/strategies",
                create(id, "{\"threshold\":0.012,\"lookback_periods\":20}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/strategies/" + id);
        JsonNode body = ApiTestClient.JSON.readTree(created.body());
        assertThat(body.get("running").asBoolean()).as("runs at once").isTrue();
        assertThat(body.get("brokers").toString()).isEqualTo("[\"paper\",\"zerodha\"]");

        JsonNode fetched = api().get("/api/v1/strategies/" + id);
        assertThat(fetched.get("type").asString()).isEqualTo("momentum");
        assertThat(fetched.at("/parameters/threshold").asString()).as("decimal kept exactly").isEqualTo("0.012");
        assertThat(fetched.has("problem")).as("no problem: the member is left out").isFalse();
        assertThat(api().text("/api/v1/strategies")).contains("\"id\":\"" + id + "\"");

        HttpResponse<String> updated = api().request("PUT", "/api/v1/strategies/" + id + "/parameters",
                "{\"parameters\":{\"lookback_periods\":30}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT parameters::text FROM strategy_configurations WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("{\"lookback_periods\": 30}");
        assertThat(ApiTestClient.JSON.readTree(updated.body()).get("running").asBoolean()).isTrue();

        JsonNode disabled = api().post("/api/v1/strategies/" + id + "/disable", null, 200);
        assertThat(disabled.get("active").asBoolean()).isFalse();
        assertThat(disabled.get("running").asBoolean()).as("stopped at once").isFalse();
        JsonNode enabled = api().post("/api/v1/strategies/" + id + "/enable", null, 200);
        assertThat(enabled.get("running").asBoolean()).isTrue();

        assertThat(api().request("DELETE", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api().request("GET", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api().request("DELETE", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownTypeIsA400ListingTheAllowedTypes() {
        HttpResponse<String> response = api().request("POST", "/api/v1/strategies",
                "{\"id\":\"x_unknown\",\"type\":\"MomentumProcessor\",\"instruments\":[738561]}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = ApiTestClient.JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("unknown strategy type 'MomentumProcessor'",
                "allowed: momentum, mean_reversion, rsi");
        assertThat(problem.get("allowedTypes").toString()).contains("\"low_frequency_demo\"");
        assertThat(problem.get("problems").size()).isEqualTo(1);
        assertThat(api().request("GET", "/api/v1/strategies/x_unknown", null).statusCode()).isEqualTo(404);
    }

    @Test
    void outOfRangeAndUnknownParametersAre400sNamingEachParameterAndNothingIsStored() {
        String id = PipelineTestSupport.freshStrategy("bad").value();
        HttpResponse<String> response = api().request("POST", "/api/v1/strategies",
                create(id, "{\"lookback_periods\":0,\"threshold\":-1,\"lookbak\":3}"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problems = ApiTestClient.JSON.readTree(response.body()).get("problems");
        assertThat(problems.toString()).contains("parameter 'lookback_periods' must be a whole number from 2 to 5000, was '0'",
                "parameter 'threshold' must be a number ≥ 0", "unknown parameter 'lookbak' (allowed: lookback_periods");
        assertThat(api().request("GET", "/api/v1/strategies/" + id, null).statusCode()).isEqualTo(404);

        api().post("/api/v1/strategies", create(id, "{}"), 201);
        HttpResponse<String> update = api().request("PUT", "/api/v1/strategies/" + id + "/parameters",
                "{\"parameters\":{\"position_size\":0}}");
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(update.body()).contains("parameter 'position_size' must be a whole number from 1 to 1000000, was '0'");
        assertThat(api().get("/api/v1/strategies/" + id).get("parameters").size()).as("unchanged").isZero();
        api().request("DELETE", "/api/v1/strategies/" + id, null);
    }

    @Test
    void malformedJsonWrongTypesMissingFieldsAndBadIdsAre400sNamingTheField() {
        assertThat(api().request("POST", "/api/v1/strategies", "{\"id\":").statusCode()).isEqualTo(400);
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"w\",\"type\":\"momentum\",\"instruments\":\"abc\"}"), "field 'instruments'");
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"w\",\"type\":\"momentum\",\"parameters\":7}"), "field 'parameters'");
        assertProblem(api().request("POST", "/api/v1/strategies", "{\"type\":\"momentum\"}"), "field 'id'");
        assertProblem(api().request("POST", "/api/v1/strategies", "{\"id\":\"w\"}"), "field 'type'");
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"w\",\"type\":\"momentum\",\"brokers\":[\"nasdaq\"]}"), "field 'brokers'");
        assertProblem(api().request("POST", "/api/v1/strategies",
                "{\"id\":\"w\",\"type\":\"momentum\",\"instruments\":[-4]}"), "field 'instruments'");
        assertProblem(api().request("POST", "/api/v1/strategies", "{\"id\":\"has space\",\"type\":\"momentum\"}"),
                "field 'id'");
        assertProblem(api().request("GET", "/api/v1/strategies/has%20space", null), "field 'id'");
        assertProblem(api().request("PUT", "/api/v1/strategies/x/parameters", "{}"), "field 'parameters'");
        assertThat(api().request("PUT", "/api/v1/strategies/nope_missing/parameters",
                "{\"parameters\":{}}").statusCode()).isEqualTo(404);
        assertThat(api().request("POST", "/api/v1/strategies/nope_missing/enable", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondStrategyWithTheSameIdIsAConflict() {
        String id = PipelineTestSupport.freshStrategy("dup").value();
        api().post("/api/v1/strategies", create(id, "{}"), 201);
        assertThat(api().request("POST", "/api/v1/strategies", create(id, "{}")).statusCode()).isEqualTo(409);
        api().request("DELETE", "/api/v1/strategies/" + id, null);
    }

    @Test
    void theStrategyTypesListTheirParametersWithDefaults() {
        JsonNode types = api().get("/api/v1/strategy-types").get("items");
        assertThat(types.size()).isEqualTo(6);
        JsonNode momentum = types.get(0);
        assertThat(momentum.get("type").asString()).isEqualTo("momentum");
        assertThat(momentum.at("/parameters/lookback_periods").asString()).isEqualTo("20");
        assertThat(momentum.at("/parameters/threshold").asString()).isEqualTo("0.01");
        assertThat(momentum.get("parameters").has("max_confidence")).isTrue();
        assertThat(types.toString()).contains("rules_config.lookback_periods", "ml_config.model_path");
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains(detail);
    }
}
