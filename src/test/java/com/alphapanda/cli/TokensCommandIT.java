package com.alphapanda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.ApiTestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code tokens create|list|revoke} against the database of a running platform; the created token works at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokensCommandIT {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Test
    void createdTokensAuthenticateListWithoutSecretsAndRevokedOnesAreRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(out, err, "tokens", "create", "--role", "operator", "--name", "cli robot", "--expires", "30d"))
                .as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        String secret = lines[lines.length - 1];
        String id = lines[0].replaceAll(".*\\(([0-9a-f-]{36})\\).*", "$1");
        assertThat(secret).startsWith("ap_");
        assertThat(new ApiTestClient(port, secret).request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(200);

        StringWriter listing = new StringWriter();
        assertThat(cli(listing, err, "tokens", "list")).isZero();
        assertThat(listing.toString()).contains("cli robot", "operator", "active").doesNotContain(secret);

        assertThat(cli(new StringWriter(), err, "tokens", "revoke", id)).isZero();
        assertThat(new ApiTestClient(port, secret).request("GET", "/api/v1/dlq", null).statusCode()).isEqualTo(401);

        StringWriter bad = new StringWriter();
        assertThat(cli(new StringWriter(), bad, "tokens", "create", "--role", "root", "--name", "x")).isEqualTo(1);
        assertThat(bad.toString()).contains("alpha-panda: error: unknown role 'root' (allowed: viewer, operator, admin)");
        assertThat(cli(new StringWriter(), bad, "tokens", "revoke", id)).isEqualTo(1);
        assertThat(bad.toString()).contains("no active token with id " + id);
    }

    @Test
    void aCommandPrintsOnlyItsOwnOutputWithTheTokenOnALineOfItsOwn() throws Exception {
        Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AlphaPandaCommand.class.getName(),
                "tokens", "create", "--role", "viewer", "--name", "quiet one",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres").start();
        String stdout;
        try (var in = process.getInputStream(); var errors = process.getErrorStream()) {
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    errors.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            stdout = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            drain.join();
        }
        assertThat(process.waitFor()).as(stdout).isZero();
        java.util.List<String> lines = stdout.strip().lines().toList();
        assertThat(lines).as("no log line on standard output: %s", stdout).hasSize(3);
        assertThat(lines.get(0)).startsWith("Created viewer token 'quiet one'");
        assertThat(lines.get(2)).matches("ap_[A-Za-z0-9_-]{43}");
    }

    private int cli(StringWriter out, StringWriter err, String... args) {
        String[] withDatabase = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres"))
                .toArray(String[]::new);
        return AlphaPandaCommand.execute(withDatabase, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
