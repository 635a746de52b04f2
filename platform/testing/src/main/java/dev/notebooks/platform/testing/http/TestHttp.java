package dev.notebooks.platform.testing.http;

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

/** Calls a service over real HTTP as a user (or with no user header), keeping error answers as answers. */
public final class TestHttp {

    public static final String USERID_HEADER = "kubeflow-userid";

    private final HttpClient client;
    private final JsonMapper json;

    public TestHttp(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** An answer: its status, content type, body as parsed JSON (null when empty), body text and headers. */
    public record Reply(
            int status,
            @Nullable String contentType,
            @Nullable Object body,
            @Nullable String text,
            Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> violations() {
            return (List<Map<String, Object>>) json().get("violations");
        }

        /** @return the first value of the header, whatever the case of its name, or null */
        @Nullable
        public String header(String name) {
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

    public Reply as(@Nullable String user, MutableHttpRequest<?> request) {
        if (user != null) {
            request.header(USERID_HEADER, user);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return reply(response, response.body());
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse(), e.getResponse().getBody(String.class).orElse(null));
        }
    }

    private Reply reply(HttpResponse<?> response, @Nullable String text) {
        String contentType = response.getContentType().map(Object::toString).orElse(null);
        try {
            Object parsed = text == null || text.isBlank() ? null : json.readValue(text, Object.class);
            return new Reply(
                    response.code(),
                    contentType,
                    parsed,
                    text,
                    response.getHeaders().asMap());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
