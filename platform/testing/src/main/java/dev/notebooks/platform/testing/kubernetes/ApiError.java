package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A request the API refuses: its HTTP status, the {@code Status} reason and message, and field causes if any. */
final class ApiError extends Exception {

    /** One field at fault, as in {@code details.causes} of a 422. */
    record Cause(String reason, String message, String field) {}

    private final int status;
    private final String reason;
    private final List<Cause> causes;
    private final ObjectNode details;

    ApiError(int status, String reason, String message) {
        this(status, reason, message, List.of(), null);
    }

    ApiError(int status, String reason, String message, List<Cause> causes, ObjectNode details) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.causes = List.copyOf(causes);
        this.details = details;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message);
    }

    static ApiError notFound(ResourceType type, String name) {
        return new ApiError(
                404, "NotFound", qualified(type) + " \"" + name + "\" not found", List.of(), details(type, name));
    }

    static ApiError alreadyExists(ResourceType type, String name) {
        return new ApiError(
                409,
                "AlreadyExists",
                qualified(type) + " \"" + name + "\" already exists",
                List.of(),
                details(type, name));
    }

    static ApiError conflict(ResourceType type, String name) {
        return new ApiError(
                409,
                "Conflict",
                "Operation cannot be fulfilled on " + qualified(type) + " \"" + name
                        + "\": the object has been modified; please apply your changes to the latest version and try again",
                List.of(),
                details(type, name));
    }

    static ApiError invalid(ResourceType type, String name, List<Cause> causes) {
        String listed = causes.size() == 1
                ? causes.get(0).field() + ": " + causes.get(0).message()
                : "["
                        + String.join(
                                ", ",
                                causes.stream()
                                        .map(c -> c.field() + ": " + c.message())
                                        .toList()) + "]";
        return new ApiError(
                422,
                "Invalid",
                type.kind() + (type.group().isEmpty() ? "" : "." + type.group()) + " \"" + name + "\" is invalid: "
                        + listed,
                causes,
                details(type, name));
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json"
                        + (contentType == null ? "" : " (got " + contentType + ")"));
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The {@code Status} object a real server answers with. */
    ObjectNode toStatus() {
        ObjectNode status = Json.object()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", getMessage())
                .put("reason", reason)
                .put("code", this.status);
        status.putObject("metadata");
        if (details != null || !causes.isEmpty()) {
            ObjectNode detail = details == null ? Json.object() : details.deepCopy();
            if (!causes.isEmpty()) {
                ArrayNode list = detail.putArray("causes");
                causes.forEach(cause -> list.addObject()
                        .put("reason", cause.reason())
                        .put("message", cause.message())
                        .put("field", cause.field()));
            }
            status.set("details", detail);
        }
        return status;
    }

    private static String qualified(ResourceType type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode details = Json.object().put("name", name).put("kind", type.plural());
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return details;
    }
}
