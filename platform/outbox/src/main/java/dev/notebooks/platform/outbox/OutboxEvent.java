package dev.notebooks.platform.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A row of the outbox table: one encoded event and where it goes. */
@MappedEntity("outbox_event")
record OutboxEvent(
        @Id @GeneratedValue Long seq,
        UUID eventId,
        String topic,
        String eventKey,
        String eventType,
        byte[] payload,
        Instant createdAt,
        @Nullable Instant sentAt) {}
