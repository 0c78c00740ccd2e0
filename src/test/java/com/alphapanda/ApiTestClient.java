package com.alphapanda;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests of the REST API, authenticated with the test admin token unless told otherwise. */
public final class ApiTestClient {

    /** The bootstrap admin token every test context has (src/test/resources/config/application.yml). */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String token;

    public ApiTestClient(int port) {
        this(port, ADMIN_TOKEN);
    }

    public ApiTestClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public ApiTestClient withToken(String other) {
        return new ApiTestClient(port, other);
    }

    public HttpResponse<String> request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::setHeader);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    public HttpResponse<String> request(String method, String path, String body) {
        return request(method, path, body, Map.of());
    }

    public String text(String path) {
        return request("GET", path, null).body();
    }

    /** GET expecting 200, as JSON. */
    public JsonNode get(String path) {
        HttpResponse<String> response = request("GET", path, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST expecting a status, as JSON. */
    public JsonNode post(String path, String body, int expectedStatus) {
        HttpResponse<String> response = request("POST", path, body);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ", expected "
                    + expectedStatus + ": " + response.body());
        }
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }
}
