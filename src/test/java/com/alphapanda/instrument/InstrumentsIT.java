package com.alphapanda.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Same context configuration as PlatformIT, so the context is shared. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alpha-panda.brokers=paper,zerodha")
class InstrumentsIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    UniverseSeeding seeding;

    @Test
    void theBundledUniverseIsLoadedOnceAndNotRewrittenOnTheNextStart() {
        assertThat(jdbc.sql("SELECT count(*) FROM instrument_registry WHERE is_subscribed").query(Long.class)
                .single()).isGreaterThanOrEqualTo(20L);
        assertThat(jdbc.sql("SELECT tradingsymbol FROM instruments WHERE instrument_token = 738561")
                .query(String.class).single()).isEqualTo("RELIANCE");

        assertThat(seeding.seed()).isFalse();
    }

    @Test
    void aKiteDumpIsUpsertedAndItsMalformedRowsReportedByLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("instruments.csv");
        Files.writeString(file, """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                738561,2885,RELIANCE,RELIANCE INDUSTRIES LTD,2500.5,,0,0.05,1,EQ,NSE,NSE
                5633,22,ACC,ACC,0,,0,0.05,1,EQ,NSE,NSE
                oops,22,ACC,ACC,0,,0,0.05,1,EQ,NSE,NSE
                """);

        InstrumentImport.Result result = new InstrumentImport(jdbcTemplate).importFile(file, true);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.skipped()).extracting(Object::toString)
                .containsExactly("line 4: instrument_token 'oops' is not a number");
        assertThat(jdbc.sql("SELECT name FROM instruments WHERE instrument_token = 738561").query(String.class)
                .single()).isEqualTo("RELIANCE INDUSTRIES LTD");
        assertThat(jdbc.sql("SELECT lot_size FROM instruments WHERE instrument_token = 5633").query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM instrument_registry WHERE instrument_token = 5633")
                .query(Long.class).single()).isEqualTo(1L);
        assertThatThrownBy(() -> new InstrumentImport(jdbcTemplate).importFile(dir.resolve("missing.csv"), false))
                .hasMessageContaining("does not exist");
    }
}
