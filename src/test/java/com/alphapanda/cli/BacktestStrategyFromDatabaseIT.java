package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --strategy ID}: the strategy is read from the (temporary) embedded PostgreSQL, then run offline. */
class BacktestStrategyFromDatabaseIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aStoredStrategyIsBacktestedAndAnUnknownOneIsOneLineWithExitCode2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("strategies.yaml"), """
                - strategy_name: stored_momentum
                  strategy_type: momentum
                  enabled: false
                  instrument_tokens: [738561, 81153]
                  parameters: {lookback_periods: 10, threshold: 0.005, position_size: 5}
                """);
        String dataDir = dir.resolve("data").toString();
        String persistent = "--alpha-panda.embedded.storage=persistent"; // both commands on one database
        assertThat(run("strategies", "load", file.toString(), "--data-dir", dataDir, persistent))
                .as(err.toString()).isZero();

        int code = run("backtest", "--strategy", "stored_momentum", "--ticks", "samples/ticks-sample.csv",
                "--report", dir.resolve("report").toString(), "--no-progress", "--to", "2026-01-05",
                "--data-dir", dataDir, persistent);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("stored_momentum: net PnL");
        assertThat(Files.readString(dir.resolve("report/fills.csv")).lines().count()).isGreaterThan(1);

        StringWriter errors = new StringWriter();
        int unknown = AlphaPandaCommand.execute(new String[] {"backtest", "--strategy", "nope", "--ticks",
                "samples/ticks-sample.csv", "--report", dir.resolve("r2").toString(), "--no-progress",
                "--data-dir", dataDir, persistent},
                new PrintWriter(new StringWriter(), true), new PrintWriter(errors, true));
        assertThat(unknown).isEqualTo(2);
        assertThat(errors.toString().strip()).isEqualTo("alpha-panda: error: unknown strategy 'nope': not in "
                + "strategy_configurations (load it with 'strategies load FILE')");
    }
}
