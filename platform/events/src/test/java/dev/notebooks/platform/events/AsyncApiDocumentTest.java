package dev.notebooks.platform.events;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/events/asyncapi.yaml documents exactly the types of {@link EventTypes}, on their topics. */
class AsyncApiDocumentTest {

    // tests run in the module directory, platform/events
    private static final Path DOCUMENT = Path.of("../../docs/events/asyncapi.yaml");

    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocument() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("defaultContentType").asText()).isEqualTo(CloudEventCodec.STRUCTURED_CONTENT_TYPE);
    }

    @Test
    void namesEveryEventTypeAndNoOther() {
        assertThat(fieldNames(asyncApi.path("components").path("messages")))
                .containsExactlyInAnyOrderElementsOf(
                        EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @Test
    void hasAChannelForEveryTopicCarryingItsTypes() {
        JsonNode channels = asyncApi.path("channels");

        assertThat(fieldNames(channels)).containsExactlyInAnyOrderElementsOf(new Topics("").all());
        for (String topic : new Topics("").all()) {
            JsonNode channel = channels.path(topic);
            assertThat(channel.path("address").asText()).isEqualTo("{prefix}" + topic);
            assertThat(fieldNames(channel.path("messages")))
                    .as("messages on " + topic)
                    .containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream()
                            .filter(type -> type.topic().equals(topic))
                            .map(EventType::name)
                            .toList());
        }
    }

    @Test
    void everyMessageIsAStructuredCloudEventWhosePayloadIsItsTypesSchemaFile() {
        for (EventType type : EventTypes.ALL) {
            JsonNode message = asyncApi.path("components").path("messages").path(type.name());
            String schemaRef =
                    message.path("payload").path("schema").path("$ref").asText();

            assertThat(message.path("contentType").asText()).isEqualTo(CloudEventCodec.STRUCTURED_CONTENT_TYPE);
            assertThat(schemaRef).endsWith("/src/main/resources/" + type.schemaResource());
            assertThat(DOCUMENT.resolveSibling(schemaRef)).as(schemaRef).isRegularFile();
        }
    }

    @Test
    void everyOperationReferencesMessagesOfItsOwnChannel() {
        for (JsonNode operation : asyncApi.path("operations")) {
            String channel = operation.path("channel").path("$ref").asText().replace("#/channels/", "");
            List<String> messageRefs = StreamSupport.stream(
                            operation.path("messages").spliterator(), false)
                    .map(ref -> ref.path("$ref").asText())
                    .toList();

            assertThat(messageRefs).isNotEmpty().allSatisfy(ref -> {
                assertThat(ref).startsWith("#/channels/" + channel + "/messages/");
                assertThat(EventTypes.named(ref.substring(ref.lastIndexOf('/') + 1)))
                        .isPresent();
            });
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .collect(toSet());
    }
}
