package dev.notebooks.platform.security;

import io.micronaut.core.type.Argument;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;

/** Reads an RFC 7807 problem out of an error response. */
final class Problems {

    private Problems() {}

    static Map<String, Object> body(HttpClientResponseException rejected) {
        return rejected.getResponse()
                .getBody(Argument.mapOf(String.class, Object.class))
                .orElseThrow(() -> new AssertionError("no problem body"));
    }
}
