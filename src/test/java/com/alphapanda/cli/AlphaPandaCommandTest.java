package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlphaPandaCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AlphaPandaCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "db", "--version");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Alpha Panda ").doesNotContain("unknown");
    }

    @Test
    void unknownCommandPrintsUsageAndExitsTwo() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument", "Usage: alpha-panda");
    }

    @Test
    void unknownOptionOfRunPrintsUsageAndExitsTwo() {
        assertThat(run("run", "--frsh")).isEqualTo(2);
        assertThat(err.toString()).contains("--frsh", "Usage: alpha-panda run");
    }

    @Test
    void dbWithoutSubcommandIsAUsageError() {
        assertThat(run("db")).isEqualTo(2);
        assertThat(err.toString()).contains("migrate or status");
    }

    @Test
    void unknownBrokerStopsStartUpWithOneLineAndExitCodeOne() {
        String stderr = captureStderr(() -> assertThat(run("run", "--alpha-panda.brokers=paper,nasdaq")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda: error: invalid configuration: alpha-panda.brokers",
                "nasdaq", "one of paper, zerodha");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void negativeIntervalStopsStartUpWithOneLineAndExitCodeOne() {
        String stderr = captureStderr(() -> assertThat(
                run("run", "--alpha-panda.streaming.retry.initial-interval=-5s")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.streaming.retry.initial-interval", "'-5s'");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void aSimulatedSessionStepThatIsNotPositiveStopsStartUpWithOneLine() {
        String stderr = captureStderr(() -> assertThat(
                run("run", "--alpha-panda.market-feed.simulated.session-step=-10s")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.market-feed.simulated.session-step", "'-10s'");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void negativePortStopsStartUpWithOneLineAndExitCodeOne() {
        String stderr = captureStderr(() -> assertThat(
                run("run", "--alpha-panda.embedded.kafka-port=-1")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.embedded.kafka-port", "'-1'", "greater than or equal to 0");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void malformedDatabaseUrlStopsStartUpWithOneLineAndExitCodeOne() {
        String stderr = captureStderr(() -> assertThat(
                run("run", "--spring.datasource.url=mysql://db:3306/x")).isEqualTo(1));
        assertThat(stderr).contains("spring.datasource.url", "'mysql://db:3306/x'", "jdbc:postgresql://");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void malformedKafkaServersStopStartUpWithOneLineAndExitCodeOne() {
        String stderr = captureStderr(() -> assertThat(
                run("run", "--spring.kafka.bootstrap-servers=localhost")).isEqualTo(1));
        assertThat(stderr).contains("spring.kafka.bootstrap-servers", "host:port");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void wildcardCorsOriginMixedWithExplicitOnesIsRefusedAtStartUp() {
        String stderr = captureStderr(() -> assertThat(run("run",
                "--alpha-panda.api.cors.origins=*,http://localhost:3000")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.api.cors.origins", "'*,http://localhost:3000'", "not both");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void wildcardCorsOriginWithCredentialsIsRefusedAtStartUp() {
        String stderr = captureStderr(() -> assertThat(run("run", "--alpha-panda.api.cors.origins=*")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.api.cors.origins", "credentials");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void wildcardCorsOriginIsRefusedInProduction() {
        String stderr = captureStderr(() -> assertThat(run("run", "--alpha-panda.api.cors.origins=*",
                "--alpha-panda.api.cors.credentials=false", "--alpha-panda.environment=production")).isEqualTo(1));
        assertThat(stderr).contains("alpha-panda.api.cors.origins", "production");
        assertOneLineWithoutStackTrace(stderr);
    }

    @Test
    void anUnknownAlphaPandaPropertyIsRefusedBeforeAnyServerStarts() {
        assertRefusedBeforeAnyServerStarts("alpha-panda.brokerz", "nothing reads alpha-panda.brokerz",
                "run", "--alpha-panda.brokerz=paper");
        assertRefusedBeforeAnyServerStarts("alpha-panda.risk.brokers.paper.max-position-sise", "nothing reads",
                "run", "--alpha-panda.risk.brokers.paper.max-position-sise=5");
    }

    @Test
    void aNegativeOrZeroSimulatedTickIntervalIsRefusedBeforeAnyServerStarts() {
        assertRefusedBeforeAnyServerStarts("alpha-panda.market-feed.simulated.tick-interval", "'-1s'",
                "run", "--alpha-panda.market-feed.simulated.tick-interval=-1s");
        assertRefusedBeforeAnyServerStarts("alpha-panda.market-feed.simulated.tick-interval", "'0s'",
                "run", "--alpha-panda.market-feed.simulated.tick-interval=0s");
    }

    @Test
    void aMissingReplayFileIsRefusedBeforeAnyServerStarts() {
        assertRefusedBeforeAnyServerStarts("alpha-panda.market-feed.replay.file", "an existing, readable file",
                "run", "--alpha-panda.market-feed.source=replay",
                "--alpha-panda.market-feed.replay.file=/nonexistent/ticks.csv");
    }

    @Test
    void portsOutOfRangeAreRefusedBeforeAnyServerStarts() {
        assertRefusedBeforeAnyServerStarts("server.port", "'99999'", "run", "--server.port=99999");
        assertRefusedBeforeAnyServerStarts("alpha-panda.embedded.redis-port", "'70000'",
                "run", "--alpha-panda.embedded.redis-port=70000");
    }

    @Test
    void aPortInUseIsRefusedAtOnceNamingThePortAndAPortGivenTwiceKeepsTheLastValue() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();
            assertRefusedBeforeAnyServerStarts("server.port", "port " + port + " is already in use",
                    "run", "--server.port=99999", "--server.port=" + port);
        }
    }

    @Test
    void aCorsRefusalComesBeforeAnyServerStarts() {
        assertRefusedBeforeAnyServerStarts("alpha-panda.api.cors.origins", "credentials",
                "run", "--alpha-panda.api.cors.origins=*");
    }

    /** Exit 1 with one line naming the property, and no embedded server was started (they take 12-36 s). */
    private void assertRefusedBeforeAnyServerStarts(String property, String detail, String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        String stderr;
        try {
            stderr = captureStderr(() -> assertThat(run(args)).isEqualTo(1));
        } finally {
            System.setOut(originalOut);
        }
        assertThat(stderr).contains("alpha-panda: error: invalid configuration: " + property, detail);
        assertOneLineWithoutStackTrace(stderr);
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("Embedded servers started", "Embedded kafka",
                "Tomcat started");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
    }

    private static void assertOneLineWithoutStackTrace(String stderr) {
        assertThat(stderr.lines().filter(l -> l.startsWith("alpha-panda: error:"))).hasSize(1);
        assertThat(stderr).doesNotContain("\tat ", "Exception:", "APPLICATION FAILED TO START");
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTokenValidityBeyondTenYearsIsRefusedOnOneLineBeforeTouchingTheDatabase() {
        assertThat(run("tokens", "create", "--role", "viewer", "--name", "x", "--expires", "99999999999d"))
                .isEqualTo(1);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("alpha-panda: error: --expires must be from 1s to 3650d");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aUrlThatIsNotAnHttpUrlIsRefusedOnOneLine() {
        assertThat(run("dlq", "list", "--url", "notaurl")).isEqualTo(1);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .isEqualTo("alpha-panda: error: --url must be an http or https URL such as http://localhost:8080, "
                        + "was 'notaurl'");
        assertThat(run("dlq", "list", "--url", "ftp://host")).isEqualTo(1);
        assertThat(run("dlq", "list", "--url", "http://")).isEqualTo(1);
    }
}
