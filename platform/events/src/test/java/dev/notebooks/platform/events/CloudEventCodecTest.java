package dev.notebooks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec();

    static Stream<PlatformEvent<?>> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void encodesStructuredCloudEventJson() throws Exception {
        PlatformEvent<?> event = SampleEvents.ofType(NotebookStarted.TYPE);

        JsonNode json = EventJson.MAPPER.readTree(codec.encode(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(json.get("source").asText()).isEqualTo("notebook-service");
        assertThat(json.get("type").asText()).isEqualTo("notebook.started.v1");
        assertThat(json.get("subject").asText()).isEqualTo("alice/training");
        // RFC 3339 allows 740 ms to be written .74: compare instants, not text (the text failed one run in ten)
        assertThat(java.time.Instant.parse(json.get("time").asText())).isEqualTo(event.time());
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("data").get("resources").get("gpu").get("vendor").asText())
                .isEqualTo("nvidia.com/gpu");
        assertThat(json.get("data").get("serverType").asText()).isEqualTo("vscode");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventSurvivesTheTripThroughAKafkaRecord(PlatformEvent<?> event) {
        ProducerRecord<String, byte[]> produced = codec.toRecord("nbp.topic", event.key(), codec.encode(event));

        ReceivedEvent received = codec.decode(consumed(produced));

        assertThat(received.id()).isEqualTo(event.id());
        assertThat(received.source()).isEqualTo(event.source());
        assertThat(received.type()).isEqualTo(event.type());
        assertThat(received.subject()).isEqualTo(event.subject());
        assertThat(received.time()).isEqualTo(event.time());
        assertThat(received.dataAs(event.data().getClass())).isEqualTo(event.data());
    }

    @Test
    void recordIsKeyedBySubjectAndLabelledAsStructuredCloudEvent() {
        PlatformEvent<?> event = SampleEvents.ofType(NotebookStarted.TYPE);
        byte[] encoded = codec.encode(event);

        ProducerRecord<String, byte[]> record = codec.toRecord("notebooks", event.key(), encoded);

        assertThat(record.topic()).isEqualTo("notebooks");
        assertThat(record.key()).isEqualTo("alice/training");
        assertThat(record.value()).isEqualTo(encoded);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
    }

    @Test
    void decodesBytesWithoutKafka() {
        PlatformEvent<?> event = SampleEvents.ofType(NotebookStarted.TYPE);

        ReceivedEvent received = codec.decode(codec.encode(event));

        assertThat(received.dataAs(NotebookStarted.class)).isEqualTo(event.data());
    }

    @Test
    void rejectsWhatIsNotAPlatformEvent() {
        byte[] noSubject =
                """
                {"specversion":"1.0","id":"0b0f7a4e-8d5d-4a43-9c59-0cf1f1cd1a35","source":"x","type":"t","data":{}}"""
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(noSubject))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> codec.decode(new ConsumerRecord<>("notebooks", 0, 7L, "k", "nonsense".getBytes())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notebooks-0@7");
    }

    @Test
    void listenersGetReadableEventsAndSkipTheRest() {
        PlatformEvent<?> event = SampleEvents.all().get(0);
        ConsumerRecord<String, byte[]> readable =
                consumed(codec.toRecord("notebooks", event.key(), codec.encode(event)));

        assertThat(codec.readable(readable)).map(ReceivedEvent::id).contains(event.id());
        assertThat(codec.readable(new ConsumerRecord<>("notebooks", 0, 7L, "k", "nonsense".getBytes())))
                .isEmpty();
    }

    @Test
    void dataOfAnotherShapeIsRejectedWithTheEventId() {
        PlatformEvent<?> event = SampleEvents.ofType(NotebookStarted.TYPE);
        ReceivedEvent received = codec.decode(codec.encode(event));

        assertThatThrownBy(() -> received.dataAs(WrongShape.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(event.id().toString());
    }

    private record WrongShape(int namespace) {}

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(
                produced.topic(),
                0,
                42L,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                produced.value().length,
                produced.key(),
                produced.value(),
                new RecordHeaders(produced.headers().toArray()),
                Optional.empty());
    }
}
