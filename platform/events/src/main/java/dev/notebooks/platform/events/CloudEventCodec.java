package dev.notebooks.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns platform events into CloudEvents 1.0 in structured JSON mode and back.
 *
 * <p>Producers encode when they write the outbox row (the bytes are what Kafka will carry) and the relay turns the
 * bytes into a record with {@link #toRecord}; consumers {@link #decode(ConsumerRecord)}.
 */
public final class CloudEventCodec {

    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String STRUCTURED_CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final Logger LOG = LoggerFactory.getLogger(CloudEventCodec.class);

    private final EventFormat format = new JsonFormat();

    public byte[] encode(PlatformEvent<?> event) {
        JsonNode data = EventJson.MAPPER.valueToTree(event.data());
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(JsonCloudEventData.wrap(data))
                .build();
        return format.serialize(cloudEvent);
    }

    public ReceivedEvent decode(byte[] structuredJson) {
        try {
            return received(format.deserialize(structuredJson));
        } catch (CloudEventRWException | EventDeserializationException e) {
            throw new IllegalArgumentException("not a structured JSON CloudEvent", e);
        }
    }

    /** A Kafka record carrying the encoded event as its value, with {@code content-type: application/cloudevents+json}. */
    public ProducerRecord<String, byte[]> toRecord(String topic, String key, byte[] structuredJson) {
        return KafkaMessageFactory.createWriter(topic, key).setEvent(format, structuredJson);
    }

    /**
     * For listeners: the record's event, or empty (logged) when it is not a platform event, since retrying cannot
     * make it readable.
     */
    public Optional<ReceivedEvent> readable(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(decode(record));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping a record that is not a platform event: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads a record in structured mode, and binary mode too, should another producer use it. */
    public ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return received(KafkaMessageFactory.createReader(record).toEvent());
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " is not a CloudEvent",
                    e);
        }
    }

    private static ReceivedEvent received(CloudEvent event) {
        if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
            throw new IllegalArgumentException(
                    "event " + event.getId() + " lacks the subject, time or data every platform event has");
        }
        return new ReceivedEvent(
                UUID.fromString(event.getId()),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                event.getTime().toInstant(),
                json(event.getData()));
    }

    private static JsonNode json(CloudEventData data) {
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        try {
            return EventJson.MAPPER.readTree(data.toBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
    }
}
