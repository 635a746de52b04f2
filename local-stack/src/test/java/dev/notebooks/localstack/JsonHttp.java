package dev.notebooks.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over plain HTTP, for the memory benchmark: the Kubernetes API double (no user) or a service (as the user the
 * {@code kubeflow-userid} header names).
 *
 * @param base such as {@code http://127.0.0.1:8081}
 * @param user the caller a service sees; empty for the API double
 */
record JsonHttp(String base, Optional<String> user) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static JsonHttp kubernetes(String url) {
        return new JsonHttp(url, Optional.empty());
    }

    static JsonHttp service(int port, String user) {
        return new JsonHttp("http://127.0.0.1:" + port, Optional.of(user));
    }

    /** POSTs {@code body}; an object that already exists (409) counts as written. */
    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        user.ifPresent(name -> builder.header("kubeflow-userid", name));
        return builder;
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            return JSON.createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    request.method() + " " + request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
