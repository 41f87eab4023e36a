package org.ishenim.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for REST tests: Basic auth, JSON in and out. */
public final class Api {

    public record Reply(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String user, String path, String json) {
        return post(user, path, json, null);
    }

    public Reply post(String user, String path, String json, String idempotencyKey) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(user, b);
    }

    private Reply send(String user, HttpRequest.Builder b) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + StaffFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
        b.header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(60));
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
