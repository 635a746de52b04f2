package dev.notebooks.auth.api;

import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses request bodies here rather than in Micronaut's binding, whose error messages quote the body they could not
 * read: a body with a password in it must never come back in an answer or a log line.
 */
@Singleton
public class RequestBodies {

    private final JsonMapper jsonMapper;

    RequestBodies(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** @throws org.zalando.problem.ThrowableProblem 422 naming {@code body}, without quoting it, when it is not JSON */
    public @Nullable JsonNode json(@Nullable byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return jsonMapper.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw ApiProblems.invalid("body", "is not valid JSON");
        }
    }
}
