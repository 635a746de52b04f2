package dev.notebooks.platform.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a producer builds it, before it becomes a CloudEvent.
 *
 * @param id unique per event; consumers drop an id they have seen
 * @param source the producing service, such as {@code notebook-service}
 * @param type such as {@code notebook.started.v1}
 * @param subject the resource: {@code namespace/name}, a profile name, a catalog image id or an account's user id
 * @param key the Kafka record key; equal to the subject so one resource's events stay in order
 * @param time when it happened
 * @param data the type's payload
 */
public record PlatformEvent<T extends EventData>(
        UUID id, String source, String type, String subject, String key, Instant time, T data) {

    public PlatformEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id, the current time (millisecond precision) and the subject as key. */
    public static <T extends EventData> PlatformEvent<T> of(String source, String type, String subject, T data) {
        return new PlatformEvent<>(
                UUID.randomUUID(), source, type, subject, subject, Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }

    /** As {@link #of(String, String, String, EventData)}, with the type that {@link EventTypes} gives the data. */
    public static <T extends EventData> PlatformEvent<T> of(String source, String subject, T data) {
        return of(source, EventTypes.ofData(data.getClass()).name(), subject, data);
    }

    /** The same event under another Kafka key, for events whose order matters per something other than the subject. */
    public PlatformEvent<T> keyedBy(String otherKey) {
        return new PlatformEvent<>(id, source, type, subject, otherKey, time, data);
    }
}
