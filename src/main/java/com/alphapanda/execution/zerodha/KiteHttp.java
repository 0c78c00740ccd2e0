package com.alphapanda.execution.zerodha;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kite Connect REST over the JDK's HTTP client: form-encoded requests with {@code X-Kite-Version: 3} and
 * {@code Authorization: token api_key:access_token}; Kite's {@code {"status", "data" | "message", "error_type"}}
 * envelope turned into a {@link KiteResult}. GETs are paced to Kite's 10 requests a second (order placement has its own
 * limiter). Nothing here logs a request (it may carry a token or a checksum).
 */
final class KiteHttp {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Kite's limit for every endpoint but quotes, historical data and order placement: 10 requests a second. */
    static final int READS_PER_SECOND = 10;

    private final HttpClient client;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final OrderRateLimiter reads;

    KiteHttp(HttpClient client, URI base, String apiKey, Duration timeout) {
        this(client, base, apiKey, timeout, java.time.Clock.systemUTC());
    }

    KiteHttp(HttpClient client, URI base, String apiKey, Duration timeout, java.time.Clock clock) {
        this.client = client;
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.reads = new OrderRateLimiter(clock, READS_PER_SECOND, Integer.MAX_VALUE, Integer.MAX_VALUE, () -> 0);
    }

    /** A GET, paced to at most {@value #READS_PER_SECOND} a second (order lookups, positions, profile). */
    KiteResult get(String path, String accessToken) {
        if (!paced()) {
            return new KiteResult.Ambiguous(KiteResult.KiteError.NETWORK, "interrupted");
        }
        return send(request(path, accessToken).GET());
    }

    private boolean paced() {
        while (reads.tryAcquire() instanceof OrderRateLimiter.Decision.Wait wait) {
            try {
                Thread.sleep(Math.max(1, wait.duration().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    KiteResult post(String path, Map<String, String> form, String accessToken) {
        return send(request(path, accessToken).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    KiteResult put(String path, Map<String, String> form, String accessToken) {
        return send(request(path, accessToken).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    KiteResult delete(String path, String accessToken) {
        return send(request(path, accessToken).DELETE());
    }

    /** A non-JSON download (the instrument dump); a {@link KiteResult.Refused} or {@code Ambiguous} otherwise. */
    KiteResult download(String path, String accessToken, java.nio.file.Path target) {
        try {
            HttpResponse<java.nio.file.Path> response = client.send(request(path, accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() == 200) {
                return new KiteResult.Ok(JSON.createObjectNode().put("file", target.toString()));
            }
            return interpret(response.statusCode(), java.nio.file.Files.readString(target));
        } catch (IOException e) {
            return new KiteResult.Ambiguous(KiteResult.KiteError.NETWORK, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KiteResult.Ambiguous(KiteResult.KiteError.NETWORK, "interrupted");
        }
    }

    private HttpRequest.Builder request(String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(timeout).header("X-Kite-Version", "3");
        if (accessToken != null) {
            builder.header("Authorization", "token " + apiKey + ":" + accessToken);
        }
        return builder;
    }

    private KiteResult send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new KiteResult.Ambiguous(KiteResult.KiteError.NETWORK,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KiteResult.Ambiguous(KiteResult.KiteError.NETWORK, "interrupted");
        }
        return interpret(response.statusCode(), response.body());
    }

    static KiteResult interpret(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            json = JSON.createObjectNode();
        }
        if (status / 100 == 2 && "success".equals(json.path("status").asString(null))) {
            return new KiteResult.Ok(json.path("data"));
        }
        String message = json.path("message").asString("HTTP " + status + " from Kite");
        KiteResult.KiteError error = KiteResult.KiteError.of(json.path("error_type").asString(null), status);
        if (status == 429 || status >= 500 || status / 100 == 2) {
            return new KiteResult.Ambiguous(error, message);
        }
        return new KiteResult.Refused(error, status, message);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
