package com.alphapanda.instrument.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Instrument search over the REST API. Same context configuration as PlatformIT, so the context is shared. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class InstrumentSearchIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void instruments() {
        insert(99_100_001L, "QQTEST", "NSE");
        insert(99_100_002L, "AQQTEST", "NSE");
        insert(99_100_003L, "QQTESTB", "BSE");
        insert(99_100_004L, "Q%Q_TEST", "NSE");
    }

    @Test
    void symbolsStartingWithTheTextComeFirstThenThoseContainingIt() {
        assertThat(symbols("/api/v1/instruments?symbol=qqtest")).containsExactly("QQTEST", "QQTESTB", "AQQTEST");
        assertThat(symbols("/api/v1/instruments?symbol=QQTEST&exchange=nse")).containsExactly("QQTEST", "AQQTEST");
        assertThat(symbols("/api/v1/instruments?symbol=QQTEST&size=1")).containsExactly("QQTEST");
    }

    @Test
    void theBundledUniverseIsSearchableWithItsDetails() {
        JsonNode reliance = new ApiTestClient(port).get("/api/v1/instruments?symbol=RELI&exchange=NSE")
                .get("items").get(0);
        assertThat(reliance.get("tradingSymbol").asString()).isEqualTo("RELIANCE");
        assertThat(reliance.get("instrumentToken").asLong()).isEqualTo(738561L);
        assertThat(reliance.get("exchange").asString()).isEqualTo("NSE");
        assertThat(reliance.get("subscribed").asBoolean()).isTrue();
    }

    @Test
    void likeWildcardsInTheTextAreTakenLiterally() {
        assertThat(symbols("/api/v1/instruments?symbol=_")).containsExactly("Q%Q_TEST");
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        ApiTestClient api = new ApiTestClient(port);
        assertThat(api.request("GET", "/api/v1/instruments", null).statusCode()).isEqualTo(400);
        assertThat(api.request("GET", "/api/v1/instruments?symbol=", null).body()).contains("symbol must be");
        assertThat(api.request("GET", "/api/v1/instruments?symbol=%25", null).body()).contains("symbol must be");
        assertThat(api.request("GET", "/api/v1/instruments?symbol=A&size=0", null).body()).contains("size must be");
        assertThat(api.request("GET", "/api/v1/instruments?symbol=A&size=x", null).statusCode()).isEqualTo(400);
        assertThat(api.request("GET", "/api/v1/instruments?symbol=A&exchange=N1", null).body())
                .contains("exchange must be");
    }

    private List<String> symbols(String path) {
        List<String> symbols = new ArrayList<>();
        new ApiTestClient(port).get(path).get("items").forEach(i -> symbols.add(i.get("tradingSymbol").asString()));
        return symbols;
    }

    private void insert(long token, String symbol, String exchange) {
        jdbc.sql("""
                INSERT INTO instruments (instrument_token, tradingsymbol, name, exchange)
                VALUES (:token, :symbol, :symbol, :exchange) ON CONFLICT (instrument_token) DO NOTHING""")
                .param("token", token).param("symbol", symbol).param("exchange", exchange).update();
    }
}
