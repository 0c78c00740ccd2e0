package com.alphapanda.embedded;

import static org.awaitility.Awaitility.await;

import com.alphapanda.ApiTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One platform instance in its own JVM (the packaged jar, {@code target/alpha-panda.jar}, built by {@code package}
 * before the integration tests), running the given {@code alpha-panda.services} against {@link SharedServers}.
 * Short Kafka session and transaction timeouts, so that a killed instance's partitions move to the survivors within
 * seconds. Its output goes to {@code <logs>/<instance id>-<n>.log}.
 */
public final class PlatformInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target", "alpha-panda.jar");

    private final String instanceId;
    private final List<String> arguments;
    private final Path logs;
    private final int port;
    private Process process;
    private int starts;

    private PlatformInstance(String instanceId, List<String> arguments, Path logs, int port) {
        this.instanceId = instanceId;
        this.arguments = arguments;
        this.logs = logs;
        this.port = port;
    }

    /**
     * An instance (not started yet) named {@code instanceId} running {@code services} (comma-separated, or
     * {@code all}), with further {@code --key=value} arguments.
     */
    public static PlatformInstance of(SharedServers servers, String instanceId, String services, Path logs,
                                      String... extra) throws IOException {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of("run",
                "--server.port=" + port,
                "--alpha-panda.instance-id=" + instanceId,
                "--alpha-panda.services=" + services,
                "--alpha-panda.data-dir=" + Files.createDirectories(logs.resolve(instanceId + "-data")),
                "--alpha-panda.api.bootstrap-token=" + ApiTestClient.ADMIN_TOKEN,
                "--alpha-panda.demo=false",
                "--alpha-panda.market-feed.source=none",
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.kafka.producer.properties.transaction.timeout.ms=10000"));
        arguments.addAll(servers.connectionArguments());
        arguments.addAll(List.of(extra)); // later arguments win
        return new PlatformInstance(instanceId, arguments, logs, port);
    }

    public PlatformInstance start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(instanceId + "-" + starts + ".log").toFile()).start();
        return this;
    }

    /** Waits until {@code /actuator/health/readiness} is UP (listeners hold their assignments). */
    public PlatformInstance awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(instanceId + " exited with " + process.exitValue() + ", see " + log());
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, transactions left open, group members left to time out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: a graceful stop. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String instanceId() {
        return instanceId;
    }

    public int port() {
        return port;
    }

    public ApiTestClient api() {
        return new ApiTestClient(port);
    }

    public Path log() {
        return logs.resolve(instanceId + "-" + starts + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
