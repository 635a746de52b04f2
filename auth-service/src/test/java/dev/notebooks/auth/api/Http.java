package dev.notebooks.auth.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calls the service over real HTTP as a user (or with no user header) from a client address, keeping error answers
 * as answers, and every answer's headers and body text for the secret scan.
 */
final class Http {

    static final String USERID_HEADER = "kubeflow-userid";
    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** The headers and body of every answer any test got. */
    static final List<String> ANSWERS = new CopyOnWriteArrayList<>();

    private final HttpClient client;
    private final JsonMapper json;

    Http(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    record Reply(int status, @Nullable String contentType, @Nullable Object body, Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations() {
            return (List<Map<String, Object>>) json().get("violations");
        }

        @Nullable
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply as(@Nullable String user, MutableHttpRequest<?> request) {
        return as(user, "127.0.0.1", request);
    }

    Reply as(@Nullable String user, String address, MutableHttpRequest<?> request) {
        if (user != null) {
            request.header(USERID_HEADER, user);
        }
        request.header(FORWARDED_FOR, address);
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return reply(response, response.body());
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse(), e.getResponse().getBody(String.class).orElse(null));
        }
    }

    private Reply reply(HttpResponse<?> response, @Nullable String body) {
        Map<String, List<String>> headers = response.getHeaders().asMap();
        ANSWERS.add(headers + "\n" + body);
        String contentType = response.getContentType().map(Object::toString).orElse(null);
        try {
            Object parsed = body == null || body.isBlank() ? null : json.readValue(body, Object.class);
            return new Reply(response.code(), contentType, parsed, headers);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
