package dev.notebooks.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks serialized events against the JSON Schemas in {@code schemas/<type>.json}: producers' tests check what they
 * encode, consumers' tests what they read from Kafka.
 */
public final class EventSchemas {

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<String, JsonSchema> schemas;

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        schemas = EventTypes.ALL.stream()
                .collect(Collectors.toUnmodifiableMap(
                        EventType::name,
                        type -> factory.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), CONFIG)));
    }

    /** Where the event breaks the schema of its {@code type}; empty when it conforms. */
    public List<String> validate(byte[] structuredJson) {
        JsonNode event;
        try {
            event = EventJson.MAPPER.readTree(structuredJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        String type = event.path("type").asText();
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of("/type: '" + type + "' is not a known event type");
        }
        return schema.validate(event).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }
}
