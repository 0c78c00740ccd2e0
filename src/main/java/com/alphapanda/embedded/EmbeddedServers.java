package com.alphapanda.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded servers this application started, in start order. Stopped in reverse order when the application
 * context closes (after listeners and connection pools, since this bean is registered first), after which a
 * temporary data directory is deleted and the data-directory lock released.
 */
public final class EmbeddedServers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private final List<EmbeddedServer> servers;
    private final Path dataDir;
    private final boolean temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedServers(List<EmbeddedServer> servers, Path dataDir, boolean temporary, FileChannel lockChannel,
                    FileLock lock) {
        this.servers = List.copyOf(servers);
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Names of the servers started here (kafka, postgres, redis); empty when all are external. */
    public List<String> names() {
        return servers.stream().map(EmbeddedServer::name).toList();
    }

    /** Where each embedded server listens and keeps its data. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        servers.forEach(s -> d.put(s.name(), s.describe()));
        return d;
    }

    /** The Spring properties that connect the application to these servers. */
    Map<String, Object> connectionProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        servers.forEach(s -> properties.putAll(s.connectionProperties()));
        return properties;
    }

    /**
     * Takes the embedded Redis down for a while and brings it back on the same port: the operation behind outage
     * drills (and the tests that prove transient failures are retried, not lost).
     */
    public void interruptRedis(java.time.Duration downtime) throws InterruptedException {
        EmbeddedRedisServer redis = servers.stream().filter(EmbeddedRedisServer.class::isInstance)
                .map(EmbeddedRedisServer.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no embedded Redis runs here"));
        redis.stop();
        try {
            Thread.sleep(downtime.toMillis());
        } finally {
            redis.start();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void destroy() {
        close();
    }

    /** Stops every server (reverse start order); idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<EmbeddedServer> reversed = new ArrayList<>(servers);
        Collections.reverse(reversed);
        for (EmbeddedServer server : reversed) {
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("Stopping embedded {} failed: {}", server.name(), e.toString());
            }
        }
        if (!temporary) {
            RunningPlatform.withdraw(dataDir);
        }
        releaseLock();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("Releasing data directory lock failed", e);
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete temporary data directory {}: {}", root, e.toString());
        }
    }
}
