package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A custom resource checked against its CRD's structural schema as a real server checks it: fields the schema does
 * not declare are pruned (unless {@code x-kubernetes-preserve-unknown-fields}) and reported as the request's
 * {@code fieldValidation} asks (Strict refuses, Warn warns, Ignore drops silently), and values are checked for
 * type, required members, enums, list sizes, string patterns and lengths, and number bounds.
 */
final class SchemaValidation {

    /** {@code fieldValidation}: Strict, Warn (the server's default) or Ignore. */
    enum Mode {
        STRICT,
        WARN,
        IGNORE;

        static Mode of(String parameter) throws ApiError {
            if (parameter == null || parameter.isBlank()) {
                return WARN;
            }
            return switch (parameter) {
                case "Strict" -> STRICT;
                case "Warn" -> WARN;
                case "Ignore" -> IGNORE;
                default ->
                    throw ApiError.badRequest(
                            "fieldValidation must be one of Ignore, Warn or Strict, not " + parameter);
            };
        }
    }

    private static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata");
    private static final Set<String> METADATA =
            ModelTypes.members(V1ObjectMeta.class).keySet();

    private final List<String> unknown = new ArrayList<>();
    private final List<ApiError.Cause> invalid = new ArrayList<>();

    private SchemaValidation() {}

    /**
     * Prunes {@code object} in place and answers the warnings to send; refuses with 400 (Strict and an unknown field)
     * or 422 (a value the schema does not allow).
     */
    static List<String> check(ResourceType type, String version, ObjectNode object, Mode mode, String name)
            throws ApiError {
        JsonNode schema = type.schemas().get(version);
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return List.of();
        }
        var validation = new SchemaValidation();
        validation.root(object, schema);
        if (!validation.unknown.isEmpty() && mode == Mode.STRICT) {
            String fields = String.join(
                    ", ",
                    validation.unknown.stream()
                            .map(f -> "unknown field \"" + f + "\"")
                            .toList());
            throw ApiError.badRequest(type.kind() + " in version \"" + version + "\" cannot be handled as a "
                    + type.kind() + ": strict decoding error: " + fields);
        }
        if (!validation.invalid.isEmpty()) {
            throw ApiError.invalid(type, name, validation.invalid);
        }
        return mode == Mode.WARN
                ? validation.unknown.stream()
                        .map(f -> "unknown field \"" + f + "\"")
                        .toList()
                : List.of();
    }

    private void root(ObjectNode object, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (name.equals("metadata") && object.get(name) instanceof ObjectNode metadata) {
                metadata(metadata);
            } else if (!ROOT.contains(name)
                    && !properties.has(name)
                    && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                unknown.add(name);
                object.remove(name);
            } else if (properties.has(name)) {
                value(object.get(name), properties.get(name), name, object, name);
            }
        }
        required(object, schema, "");
    }

    private void metadata(ObjectNode metadata) {
        List<String> names = new ArrayList<>();
        metadata.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!METADATA.contains(name)) {
                unknown.add("metadata." + name);
                metadata.remove(name);
            }
        }
    }

    private void value(JsonNode value, JsonNode schema, String path, JsonNode parent, String member) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                // a real server drops a null where the schema does not allow one
                if (parent instanceof ObjectNode object) {
                    object.remove(member);
                }
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                invalid(path, value, "must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!(value instanceof ObjectNode object)) {
                    invalid(path, value, "must be of type object");
                    return;
                }
                object(object, schema, path);
            }
            case "array" -> {
                if (!(value instanceof ArrayNode array)) {
                    invalid(path, value, "must be of type array");
                    return;
                }
                array(array, schema, path);
            }
            case "string" -> {
                if (!value.isTextual()) {
                    invalid(path, value, "must be of type string");
                    return;
                }
                string(value.asText(), schema, path, value);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    invalid(path, value, "must be of type integer");
                    return;
                }
                bounds(value, schema, path);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    invalid(path, value, "must be of type number");
                    return;
                }
                bounds(value, schema, path);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    invalid(path, value, "must be of type boolean");
                }
            }
            default -> {
                if (value instanceof ObjectNode object && schema.has("properties")) {
                    object(object, schema, path);
                }
            }
        }
        if (schema.has("enum")) {
            boolean allowed = false;
            for (JsonNode option : schema.get("enum")) {
                allowed |= option.equals(value);
            }
            if (!allowed) {
                List<String> options = new ArrayList<>();
                schema.get("enum").forEach(option -> options.add(option.toString()));
                invalid.add(new ApiError.Cause(
                        "FieldValueNotSupported",
                        "Unsupported value: " + value + ": supported values: " + String.join(", ", options),
                        path));
            }
        }
    }

    private void object(ObjectNode object, JsonNode schema, String path) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String child = path + "." + name;
            if (properties.has(name)) {
                value(object.get(name), properties.get(name), child, object, name);
            } else if (additional != null && additional.isObject()) {
                value(object.get(name), additional, child, object, name);
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                unknown.add(child);
                object.remove(name);
            }
        }
        required(object, schema, path);
    }

    private void required(ObjectNode object, JsonNode schema, String path) {
        for (JsonNode required : schema.path("required")) {
            if (!object.hasNonNull(required.asText())) {
                String field = path.isEmpty() ? required.asText() : path + "." + required.asText();
                invalid.add(new ApiError.Cause("FieldValueRequired", "Required value", field));
            }
        }
    }

    private void array(ArrayNode array, JsonNode schema, String path) {
        if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
            invalid(
                    path,
                    array,
                    "should have at least " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
            invalid(path, array, "should have at most " + schema.get("maxItems").asInt() + " items");
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            for (int i = 0; i < array.size(); i++) {
                value(array.get(i), items, path + "[" + i + "]", array, null);
            }
        }
    }

    private void string(String text, JsonNode schema, String path, JsonNode value) {
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            invalid(
                    path,
                    value,
                    "may not be longer than " + schema.get("maxLength").asInt());
        }
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            invalid(path, value, "should be at least " + schema.get("minLength").asInt() + " chars long");
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(text)
                        .find()) {
            invalid(path, value, "should match '" + schema.get("pattern").asText() + "'");
        }
    }

    private void bounds(JsonNode value, JsonNode schema, String path) {
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            invalid(
                    path,
                    value,
                    "should be greater than or equal to "
                            + schema.get("minimum").asText());
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            invalid(
                    path,
                    value,
                    "should be less than or equal to " + schema.get("maximum").asText());
        }
    }

    private void invalid(String path, JsonNode value, String why) {
        String shown = value.isContainerNode() ? (value.isArray() ? "array" : "object") : value.toString();
        invalid.add(new ApiError.Cause(
                "FieldValueInvalid", "Invalid value: " + shown + ": " + path + " in body " + why, path));
    }
}
