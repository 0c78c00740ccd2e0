package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code instruments import} and {@code strategies load} against their own (temporary) embedded PostgreSQL. */
class ConfigurationCommandsIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void instrumentsImportReportsImportedRowsAndMalformedLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kite.csv");
        Files.writeString(file, """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                738561,2885,RELIANCE,RELIANCE INDUSTRIES,0,,0,0.05,1,EQ,NSE,NSE
                1,2,3
                """);

        int code = run("instruments", "import", file.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported 1 instrument(s)").contains("skipped 1 malformed row(s):")
                .contains("line 3: expected 12 columns");
    }

    @Test
    void importingAFileWithNoValidRowExitsNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                1,2,3
                """);

        int code = run("instruments", "import", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Imported 0 instrument(s)").contains("line 2: expected 12 columns");
        assertThat(err.toString().strip()).isEqualTo("alpha-panda: error: " + file + " has no valid row; nothing was "
                + "imported");
    }

    @Test
    void strategiesLoadUpsertsValidStrategiesAndReportsTheRejectedOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strategies.yaml");
        Files.writeString(file, """
                - {strategy_name: rsi_nifty, strategy_type: rsi, instrument_tokens: [256265]}
                - {strategy_name: ml_one, strategy_type: ml_momentum, instrument_tokens: [256265]}
                """);

        int code = run("strategies", "load", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Loaded 1 strategies from " + file + ": rsi_nifty; rejected 1.")
                .contains("rejected: strategy 'ml_one' rejected: unknown strategy type 'ml_momentum' (allowed: ");
        assertThat(run("strategies", "load", dir.resolve("missing.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("alpha-panda: error: strategy file").contains("does not exist");
    }
}
