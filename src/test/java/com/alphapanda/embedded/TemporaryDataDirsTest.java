package com.alphapanda.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryDataDirsTest {

    @TempDir
    Path root;

    @Test
    void aDirectoryOfADeadRunIsDeletedWithItsServersStoppedAndOneOfALiveRunIsKept() throws Exception {
        Path mine = TemporaryDataDirs.create(root);
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Process orphanedServer = new ProcessBuilder("sleep", "300").start(); // in a pid file, but not redis-server
        Path killed = Files.createDirectories(root.resolve(TemporaryDataDirs.PREFIX + "killed"));
        Files.writeString(killed.resolve(TemporaryDataDirs.OWNER), deadOwner.pid() + " -", StandardCharsets.UTF_8);
        Path redis = Files.createDirectories(killed.resolve("redis"));
        Files.writeString(redis.resolve("redis.pid"), Long.toString(orphanedServer.pid()));
        Path unrelated = Files.createDirectories(root.resolve(TemporaryDataDirs.PREFIX + "without-owner"));

        TemporaryDataDirs.cleanLeftovers(root);

        assertThat(killed).doesNotExist();
        assertThat(mine).exists();
        assertThat(unrelated).as("not ours to judge").exists();
        assertThat(orphanedServer.isAlive()).as("only a process running the expected program is stopped").isTrue();
        orphanedServer.destroy();
        orphanedServer.waitFor();
    }

    @Test
    void theServerProcessOfADeadRunIsStopped() throws Exception {
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Path killed = Files.createDirectories(root.resolve(TemporaryDataDirs.PREFIX + "killed2"));
        Files.writeString(killed.resolve(TemporaryDataDirs.OWNER), deadOwner.pid() + " -", StandardCharsets.UTF_8);
        Path fakeBinary = Files.createDirectories(killed.resolve("bin")).resolve("redis-server");
        Files.copy(Path.of("/bin/sleep"), fakeBinary);
        fakeBinary.toFile().setExecutable(true);
        Process server = new ProcessBuilder(fakeBinary.toString(), "300").start();
        Files.writeString(Files.createDirectories(killed.resolve("redis")).resolve("redis.pid"),
                Long.toString(server.pid()));

        TemporaryDataDirs.cleanLeftovers(root);

        assertThat(server.onExit().get(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .isAlive()).isFalse();
        assertThat(killed).doesNotExist();
    }
}
