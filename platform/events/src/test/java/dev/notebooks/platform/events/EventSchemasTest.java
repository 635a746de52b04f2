package dev.notebooks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notebooks.platform.events.catalog.CatalogDefaultChanged;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.volume.VolumeCreated;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private final CloudEventCodec codec = new CloudEventCodec();

    static Stream<String> eventTypes() {
        return EventTypes.ALL.stream().map(EventType::name);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void encodedEventOfEveryTypeMatchesItsSchema(String type) {
        byte[] encoded = codec.encode(SampleEvents.ofType(type));

        assertThat(SCHEMAS.validate(encoded)).isEmpty();
    }

    @Test
    void eventsWithoutTheirOptionalFieldsMatchTheirSchemas() {
        var noLimitsNoGpu = new NotebookResources("1", "2Gi", null, null, Gpu.none());
        var stoppedWithoutActivity = new NotebookStopped(
                Actor.api("alice@example.com"),
                "alice",
                "scipy",
                "jupyter-scipy:v1",
                ServerType.RSTUDIO,
                noLimitsNoGpu,
                List.of(),
                "stopped by user",
                null);
        var volumeOnDefaultClass = new VolumeCreated(
                Actor.api("alice@example.com"), "alice", "data", "1Gi", null, List.of("ReadWriteOnce"), null);
        var firstDefault = new CatalogDefaultChanged(
                Actor.api("admin@example.com"), ServerType.VSCODE, null, null, "codeserver", "codeserver:v1");

        assertThat(SCHEMAS.validate(
                        codec.encode(PlatformEvent.of("notebook-service", "alice/scipy", stoppedWithoutActivity))))
                .isEmpty();
        assertThat(SCHEMAS.validate(
                        codec.encode(PlatformEvent.of("volume-service", "alice/data", volumeOnDefaultClass))))
                .isEmpty();
        assertThat(SCHEMAS.validate(codec.encode(PlatformEvent.of("image-catalog-service", "vscode", firstDefault))))
                .isEmpty();
    }

    @Test
    void missingDataFieldIsReported() {
        byte[] withoutName = edited("notebook.started.v1", event -> data(event).remove("name"));

        assertThat(SCHEMAS.validate(withoutName))
                .anySatisfy(error -> assertThat(error).contains("/data").contains("name"));
    }

    @Test
    void unknownDataFieldIsReported() {
        byte[] withPassword = edited("account.created.v1", event -> data(event).put("password", "s3cret"));

        assertThat(SCHEMAS.validate(withPassword))
                .anySatisfy(error -> assertThat(error).contains("/data").contains("password"));
    }

    @Test
    void previousDefaultImageWithoutItsReferenceIsReported() {
        byte[] halfPrevious =
                edited("catalog.default.changed.v1", event -> data(event).remove("previousReference"));

        assertThat(SCHEMAS.validate(halfPrevious))
                .anySatisfy(error -> assertThat(error).contains("/data").contains("previousReference"));
    }

    @Test
    void missingEnvelopeAttributeIsReported() {
        byte[] withoutSubject = edited("volume.created.v1", event -> event.remove("subject"));

        assertThat(SCHEMAS.validate(withoutSubject))
                .anySatisfy(error -> assertThat(error).contains("subject"));
    }

    @Test
    void malformedValuesAreReported() {
        byte[] badValues = edited("notebook.started.v1", event -> {
            ObjectNode resources = (ObjectNode) data(event).get("resources");
            resources.put("memory", "lots");
            ((ObjectNode) resources.get("gpu")).remove("vendor");
            data(event).put("serverType", "emacs");
            event.put("time", "yesterday");
            event.put("id", "42");
        });

        assertThat(SCHEMAS.validate(badValues))
                .anySatisfy(error -> assertThat(error).contains("/data/resources/memory"))
                .anySatisfy(error -> assertThat(error).contains("vendor"))
                .anySatisfy(error -> assertThat(error).contains("/data/serverType"))
                .anySatisfy(error -> assertThat(error).contains("/time"))
                .anySatisfy(error -> assertThat(error).contains("/id"));
    }

    @Test
    void dataOfOneTypeUnderAnotherTypeIsReported() {
        byte[] relabelled = edited("notebook.started.v1", event -> event.put("type", "volume.created.v1"));

        assertThat(SCHEMAS.validate(relabelled)).isNotEmpty();
    }

    @Test
    void unknownTypeAndNonJsonAreReported() {
        byte[] unknownType = edited("notebook.started.v1", event -> event.put("type", "notebook.exploded.v1"));

        assertThat(SCHEMAS.validate(unknownType)).singleElement().asString().contains("notebook.exploded.v1");
        assertThat(SCHEMAS.validate("not json".getBytes()))
                .singleElement()
                .asString()
                .startsWith("not JSON");
    }

    private byte[] edited(String type, Consumer<ObjectNode> edit) {
        try {
            ObjectNode event = (ObjectNode) EventJson.MAPPER.readTree(codec.encode(SampleEvents.ofType(type)));
            edit.accept(event);
            return EventJson.MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
