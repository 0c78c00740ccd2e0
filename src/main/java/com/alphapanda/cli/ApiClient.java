package com.alphapanda.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands that act on a running platform call its REST API: {@code --url} (default {@code $ALPHA_PANDA_URL} or
 * {@code http://localhost:8080}) with {@code --token} (default {@code $ALPHA_PANDA_TOKEN}) as bearer token.
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String token;

    ApiClient(String url, String token) {
        this.base = base(url);
        this.token = token;
    }

    /** The base URL: http or https with a host; anything else is refused with one line. */
    static URI base(String url) {
        String trimmed = url == null ? "" : url.strip();
        String message = "--url must be an http or https URL such as http://localhost:8080, was '" + trimmed + "'";
        URI uri;
        try {
            uri = URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (IllegalArgumentException e) {
            throw new ApiException(message);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ApiException(message);
        }
        return uri;
    }

    JsonNode get(String path, Map<String, Object> query) {
        return send("GET", path + queryString(query), null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body == null ? "" : JSON.writeValueAsString(body));
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(response.body());
            if (response.statusCode() >= 400) {
                String detail = json != null && json.hasNonNull("detail") ? json.get("detail").asString()
                        : response.body();
                throw new ApiException(response.statusCode() + " " + detail);
            }
            return json;
        } catch (ConnectException e) {
            throw new ApiException("no Alpha Panda answers at " + base + " (is it running? use --url)");
        } catch (IOException e) {
            throw new ApiException("request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static Map<String, Object> query() {
        return new LinkedHashMap<>();
    }

    private static String queryString(Map<String, Object> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String joined = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    /** The API answered with an error, or could not be reached. */
    static final class ApiException extends RuntimeException {
        ApiException(String message) {
            super(message);
        }
    }
}
