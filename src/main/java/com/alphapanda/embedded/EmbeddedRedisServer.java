package com.alphapanda.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis (6.2) from the embedded-redis binaries. Its data is an append-only file under its data directory when
 * storage is persistent; the read models it holds can always be rebuilt from Kafka and PostgreSQL.
 */
final class EmbeddedRedisServer implements EmbeddedServer {

    private final RedisServer redis;
    private final int port;
    private final Path dataDir;

    private EmbeddedRedisServer(RedisServer redis, int port, Path dataDir) {
        this.redis = redis;
        this.port = port;
        this.dataDir = dataDir;
    }

    static EmbeddedRedisServer start(Path dataDir, int configuredPort, boolean persistent) throws IOException {
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        StaleProcess.stopIfRunning(pidFile, "redis-server", Duration.ofSeconds(10));
        int port = Ports.resolve(configuredPort);
        // the binary and the configuration in the data directory, never in the temp folder (where the library
        // would put them, to be deleted at a JVM exit that kill -9 skips)
        Path binDir = Files.createDirectories(dataDir.resolve("bin"));
        File executable = ExecutableProvider.newJarResourceProvider(binDir.toFile()).get();
        Path config = dataDir.resolve("redis.conf");
        Files.writeString(config, String.join(System.lineSeparator(), "bind 127.0.0.1", "dir " + dataDir,
                "pidfile " + pidFile, "save \"\"", persistent ? "appendonly yes" : "appendonly no",
                "appendfsync everysec", ""), StandardCharsets.UTF_8);
        // stopped by EmbeddedServers after Lettuce disconnects, not by a racing JVM hook
        RedisServer redis = new RedisServer(port, List.of(executable.getAbsolutePath(), config.toString(),
                "--port", Integer.toString(port)), false);
        redis.start();
        return new EmbeddedRedisServer(redis, port, dataDir);
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Map<String, Object> connectionProperties() {
        return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", port);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", "redis://127.0.0.1:" + port);
        d.put("redisCli", "redis-cli -p " + port);
        d.put("dataDir", dataDir.toString());
        return d;
    }

    /** Stops the server, keeping its port and data directory, so that {@link #start()} brings it back. */
    void stop() {
        close();
    }

    /** Starts the server again after {@link #stop()}, on the same port. */
    void start() {
        try {
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting embedded Redis", e);
        }
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping embedded Redis", e);
        }
    }
}
