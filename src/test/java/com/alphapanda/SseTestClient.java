package com.alphapanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A client of {@code GET /api/v1/stream} collecting the events (and comments) it receives. */
public final class SseTestClient implements AutoCloseable {

    /** One received event. */
    public record Event(String id, String name, String data, long receivedAtNanos) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Thread reader;

    /** Connects (with {@code Last-Event-ID} unless null) and waits for the "connected" comment. */
    public SseTestClient(int port, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/stream")).header("Authorization", "Bearer " + ApiTestClient.ADMIN_TOKEN);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        reader = Thread.ofVirtual().start(() -> read(response.body()));
        await().atMost(Duration.ofSeconds(10)).until(() -> comments.contains("connected"));
    }

    /** The events received so far with this name. */
    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    private void read(Stream<String> lines) {
        try {
            parse(lines);
        } catch (java.io.UncheckedIOException e) {
            // the client was closed (or the server went away): nothing more to read
        }
    }

    private void parse(Stream<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (name != null) {
                    events.add(new Event(id, name, data.toString(), System.nanoTime()));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        http.shutdownNow();
    }
}
