package dev.notebooks.catalog.api;

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

/** Calls the service over real HTTP as a user (or with no user header), keeping error answers as answers. */
final class Http {

    static final String USERID_HEADER = "kubeflow-userid";

    private final HttpClient client;
    private final JsonMapper json;

    Http(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** An answer: its status, content type and body as parsed JSON (null when empty). */
    record Reply(int status, @Nullable String contentType, @Nullable Object body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations() {
            return (List<Map<String, Object>>) json().get("violations");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply as(@Nullable String user, MutableHttpRequest<?> request) {
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

    private Reply reply(HttpResponse<?> response, @Nullable String body) {
        int status = response.code();
        String contentType = response.getContentType().map(Object::toString).orElse(null);
        try {
            Object parsed = body == null || body.isBlank() ? null : json.readValue(body, Object.class);
            return new Reply(status, contentType, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
