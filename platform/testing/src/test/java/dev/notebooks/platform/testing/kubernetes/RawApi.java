package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Plain HTTP to an API server, for tests that check exactly what it answers. */
final class RawApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String server;

    RawApi(String server) {
        this.server = server;
    }

    static RawApi shared() {
        return new RawApi(KubernetesFixture.shared().serverUrl());
    }

    record Answer(int status, JsonNode body, List<String> warnings, String text) {}

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server + path)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer patch(String path, String contentType, String json) {
        return send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(server + path)).DELETE());
    }

    Answer delete(String path, String options) {
        return send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(options)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (Exception notJson) {
                body = JSON.missingNode();
            }
            return new Answer(response.statusCode(), body, response.headers().allValues("Warning"), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request to the API failed", e);
        }
    }
}
