package dev.notebooks.platform.outbox.consumer;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code processed_event}: this consumer has applied this event. */
@MappedEntity("processed_event")
record ProcessedEvent(@EmbeddedId Key key, Instant processedAt) {

    @Embeddable
    record Key(String consumer, UUID eventId) {}
}
