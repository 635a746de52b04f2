package dev.notebooks.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One JSON object of a request body, read field by field. A field of the wrong type or one the request does not
 * know is recorded in {@link Violations} under its path ({@code plugins[0].spec.gcpServiceAccount}) and reads as
 * absent, so a single answer can name every fault.
 */
public final class JsonObjectReader {

    private final JsonNode node;
    private final String path;
    private final Violations violations;

    private JsonObjectReader(JsonNode node, String path, Violations violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    /** The request body, which must be a JSON object: anything else is answered 422 at once. */
    public static JsonObjectReader body(@Nullable JsonNode body, Violations violations) {
        if (body == null || !body.isObject()) {
            violations.add("body", "must be a JSON object");
            violations.throwIfAny();
        }
        return new JsonObjectReader(body, "", violations);
    }

    /** Records every field other than these as unknown. */
    public JsonObjectReader allowOnly(Set<String> fields) {
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!fields.contains(entry.getKey())) {
                violations.add(pathOf(entry.getKey()), "unknown field");
            }
        }
        return this;
    }

    /** Whether the field is present, even as null. */
    public boolean has(String field) {
        return node.get(field) != null;
    }

    /** A string that must be present: recorded as required when it is absent or null. */
    public Optional<String> requiredText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(pathOf(field), "is required");
            return Optional.empty();
        }
        return text(field);
    }

    public Optional<String> text(String field) {
        return value(field, JsonNode::isString, "must be a string").map(JsonNode::getStringValue);
    }

    public Optional<Boolean> bool(String field) {
        return value(field, JsonNode::isBoolean, "must be true or false").map(JsonNode::getBooleanValue);
    }

    /** An array of strings; an element that is not a string is recorded and left out. */
    public Optional<List<String>> texts(String field) {
        return value(field, JsonNode::isArray, "must be an array of strings").map(array -> {
            List<String> texts = new ArrayList<>();
            int index = 0;
            for (JsonNode element : array.values()) {
                if (element.isString()) {
                    texts.add(element.getStringValue());
                } else {
                    violations.add(pathOf(field) + "[" + index + "]", "must be a string");
                }
                index++;
            }
            return texts;
        });
    }

    public Optional<JsonObjectReader> object(String field) {
        return value(field, JsonNode::isObject, "must be an object")
                .map(object -> new JsonObjectReader(object, pathOf(field), violations));
    }

    /** An array of objects; an element that is not an object is recorded and left out. */
    public Optional<List<JsonObjectReader>> objects(String field) {
        return value(field, JsonNode::isArray, "must be an array").map(array -> {
            List<JsonObjectReader> objects = new ArrayList<>();
            int index = 0;
            for (JsonNode element : array.values()) {
                String elementPath = pathOf(field) + "[" + index++ + "]";
                if (element.isObject()) {
                    objects.add(new JsonObjectReader(element, elementPath, violations));
                } else {
                    violations.add(elementPath, "must be an object");
                }
            }
            return objects;
        });
    }

    /** An object whose values are all strings, in the order given. */
    public Optional<Map<String, String>> textMap(String field) {
        return object(field).map(JsonObjectReader::asTextMap);
    }

    /** Every field of this object; the values must all be strings. */
    public Map<String, String> asTextMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (entry.getValue().isString()) {
                map.put(entry.getKey(), entry.getValue().getStringValue());
            } else {
                violations.add(pathOf(entry.getKey()), "must be a string");
            }
        }
        return map;
    }

    /** The path of a field of this object, for a violation found outside this reader. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public Violations violations() {
        return violations;
    }

    private Optional<JsonNode> value(String field, Predicate<JsonNode> ofType, String expected) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!ofType.test(value)) {
            violations.add(pathOf(field), expected);
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
