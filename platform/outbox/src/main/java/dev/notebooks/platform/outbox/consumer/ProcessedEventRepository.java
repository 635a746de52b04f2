package dev.notebooks.platform.outbox.consumer;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProcessedEventRepository extends GenericRepository<ProcessedEvent, ProcessedEvent.Key> {

    /** 1 if the id is new for this consumer, 0 if it was already processed (or is being, by a transaction that commits). */
    @Query("insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
    int remember(String consumer, UUID eventId);

    @Query("delete from processed_event where processed_at < :before")
    int deleteProcessedBefore(Instant before);
}
