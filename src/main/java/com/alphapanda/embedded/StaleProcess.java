package com.alphapanda.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process left running by a previous run that was killed (kill -9 leaves the PostgreSQL postmaster
 * and redis-server orphaned, holding their data directories). The process is found through its pid file and only
 * stopped when its command line names the expected program.
 */
final class StaleProcess {

    private static final Logger log = LoggerFactory.getLogger(StaleProcess.class);

    private StaleProcess() {
    }

    static void stopIfRunning(Path pidFile, String program, Duration grace) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(p -> p.isAlive() && runs(p, program)).ifPresent(p -> {
            log.warn("Stopping stale {} process {} left by a previous run (pid file {})", program, p.pid(), pidFile);
            p.destroy();
            try {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().join();
            }
        });
    }

    private static boolean runs(ProcessHandle process, String program) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0]));
        return command.contains(program);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
