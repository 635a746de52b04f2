package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Optional;

/** One JSON mapper for the double and the small helpers every part of it uses on stored objects. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code metadata} of an object, created when missing. */
    static ObjectNode metadata(ObjectNode object) {
        return objectAt(object, "metadata");
    }

    /** The object member {@code name}, created (or replaced, when not an object) as an empty object. */
    static ObjectNode objectAt(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }

    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null) {
                return "";
            }
            current = current.get(step);
        }
        return current == null || current.isNull() || current.isContainerNode() ? "" : current.asText();
    }

    static Optional<JsonNode> at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return Optional.empty();
            }
            current = current.get(step);
        }
        return current == null || current.isNull() ? Optional.empty() : Optional.of(current);
    }
}
