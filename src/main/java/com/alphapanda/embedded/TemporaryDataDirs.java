package com.alphapanda.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary data directories ({@code run --fresh}) in the system temp folder. Each records its owner (the JVM's pid
 * and start time) in {@value #OWNER}; a run killed with {@code kill -9} cannot delete its directory or stop the
 * PostgreSQL and Redis processes it started, so every start first cleans up after dead owners: it stops their
 * servers (found through their pid files) and deletes their directories. (The Redis binary and its configuration
 * live in the data directory too, see {@link EmbeddedRedisServer}, so nothing else is left in the temp folder.)
 */
final class TemporaryDataDirs {

    static final String PREFIX = "alpha-panda-";
    static final String OWNER = "owner.pid";

    private static final Logger log = LoggerFactory.getLogger(TemporaryDataDirs.class);

    private TemporaryDataDirs() {
    }

    /** A new temporary data directory owned by this JVM. */
    static Path create() throws IOException {
        return create(tempRoot());
    }

    static Path create(Path root) throws IOException {
        Path dir = Files.createTempDirectory(root, PREFIX);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER), self.pid() + " " + startOf(self).map(Instant::toString).orElse("-"),
                StandardCharsets.UTF_8);
        return dir;
    }

    /** Stops the servers of, and deletes, every temporary data directory whose owner is no longer running. */
    static void cleanLeftovers() {
        cleanLeftovers(tempRoot());
    }

    static void cleanLeftovers(Path root) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(OWNER)) && !ownerAlive(dir.resolve(OWNER))) {
                    log.warn("Cleaning up {} left by a run that was killed", dir);
                    StaleProcess.stopIfRunning(dir.resolve("postgres").resolve("postmaster.pid"), "postgres",
                            Duration.ofSeconds(15));
                    StaleProcess.stopIfRunning(dir.resolve("redis").resolve("redis.pid"), "redis-server",
                            Duration.ofSeconds(10));
                    EmbeddedServers.deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for left-over temporary data directories in {}: {}", root, e.toString());
        }
    }

    private static boolean ownerAlive(Path ownerFile) {
        try {
            String[] parts = Files.readString(ownerFile, StandardCharsets.UTF_8).strip().split(" ");
            Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(parts[0]));
            if (owner.isEmpty() || !owner.get().isAlive()) {
                return false;
            }
            String started = startOf(owner.get()).map(Instant::toString).orElse("-");
            return parts.length < 2 || "-".equals(parts[1]) || parts[1].equals(started); // a reused pid is not it
        } catch (IOException | RuntimeException e) {
            return true; // unreadable: leave it alone
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
