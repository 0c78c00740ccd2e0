package com.alphapanda.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Lets a command ({@code db status}, {@code tokens create}, ...) use the embedded servers of a platform that is
 * running on the same data directory, instead of failing on its lock: the running platform writes the connection
 * properties of its servers to {@code <data-dir>/servers.properties} and removes the file when it stops.
 */
final class RunningPlatform {

    static final String FILE = "servers.properties";
    static final String LOCK = ".lock";

    private RunningPlatform() {
    }

    /** Records where this platform's embedded servers listen. */
    static void publish(Path dataDir, Map<String, Object> connection) {
        Properties p = new Properties();
        connection.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(FILE))) {
            p.store(out, "Connection properties of the running Alpha Panda's embedded servers");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + dataDir.resolve(FILE), e);
        }
    }

    static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            // stale file: ignored by the next reader, since the lock is free then
        }
    }

    /** The connection properties of a platform running on this data directory, if one runs there. */
    static Optional<Map<String, Object>> find(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK);
        if (!Files.exists(lockFile) || !Files.exists(dataDir.resolve(FILE))) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            return Optional.of(read(dataDir.resolve(FILE)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: a platform runs here
        }
    }

    private static Map<String, Object> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(name -> properties.put(name, p.getProperty(name)));
        return properties;
    }
}
