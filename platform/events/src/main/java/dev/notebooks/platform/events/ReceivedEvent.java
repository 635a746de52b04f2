package dev.notebooks.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An event as a consumer reads it: the envelope, and the data still as JSON until the consumer picks its type. */
public record ReceivedEvent(UUID id, String source, String type, String subject, Instant time, JsonNode data) {

    /** The data as the given record, such as {@code NotebookStarted.class}. */
    public <T> T dataAs(Class<T> type) {
        try {
            return EventJson.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "data of event " + id + " (" + this.type + ") is not a " + type.getSimpleName(), e);
        }
    }
}
