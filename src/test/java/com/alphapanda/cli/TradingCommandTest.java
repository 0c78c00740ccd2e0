package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TradingCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aStateChangeWithoutAReasonIsAUsageError() {
        assertThat(run("trading", "halt", "--broker", "paper")).isEqualTo(2);
        assertThat(err.toString()).contains("--reason");
    }

    @Test
    void anUnknownBrokerIsAUsageErrorNamingTheAllowedOnes() {
        assertThat(run("trading", "halt", "--broker", "nyse", "--reason", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown broker 'nyse' (allowed: paper, zerodha)");
    }

    @Test
    void tradingWithoutAnActionIsAUsageError() {
        assertThat(run("trading")).isEqualTo(2);
        assertThat(err.toString()).contains("missing subcommand: halt, reduce or resume");
    }

    @Test
    void anUnknownOptionIsRefusedRatherThanIgnored() {
        assertThat(run("trading", "resume", "--broker", "paper", "--reason", "x", "--frobnicate")).isEqualTo(2);
    }
}
