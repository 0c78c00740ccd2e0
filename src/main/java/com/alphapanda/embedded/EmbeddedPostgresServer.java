package com.alphapanda.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** PostgreSQL from zonky's binaries, with fsync and synchronous commit on (zonky turns both off by default). */
final class EmbeddedPostgresServer implements EmbeddedServer {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static EmbeddedPostgresServer start(Path dataDir, int configuredPort) throws IOException {
        Files.createDirectories(dataDir);
        StaleProcess.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres", Duration.ofSeconds(15));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(Ports.resolve(configuredPort))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(30))
                // stopped by EmbeddedServers after the connection pools close, not by a racing JVM hook
                .setRegisterShutdownHook(false)
                .start();
        return new EmbeddedPostgresServer(postgres, dataDir);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE).replace("?user=" + USER, "");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Map<String, Object> connectionProperties() {
        return Map.of("spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", USER,
                "spring.datasource.password", "");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("jdbcUrl", jdbcUrl());
        d.put("psql", "psql -h localhost -p " + postgres.getPort() + " -U " + USER + " " + DATABASE);
        d.put("dataDir", dataDir.toString());
        return d;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping embedded PostgreSQL", e);
        }
    }
}
