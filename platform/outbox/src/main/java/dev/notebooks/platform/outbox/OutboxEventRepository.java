package dev.notebooks.platform.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxEventRepository extends GenericRepository<OutboxEvent, Long> {

    @Query(
            """
            insert into outbox_event (event_id, topic, event_key, event_type, payload)
            values (:eventId, :topic, :eventKey, :eventType, :payload)""")
    void insert(UUID eventId, String topic, String eventKey, String eventType, byte[] payload);

    /**
     * Takes the relay lock until the transaction ends, or says another relay holds it. The key is the table's oid, so
     * services sharing one database (a schema each) do not wait for each other.
     */
    @Query("select pg_try_advisory_xact_lock(cast(cast(cast('outbox_event' as regclass) as oid) as bigint))")
    boolean tryRelayLock();

    @Query("select * from outbox_event where sent_at is null order by seq limit :limit")
    List<OutboxEvent> findPending(int limit);

    @Query("update outbox_event set sent_at = now() where seq in (:seqs)")
    void markSent(Collection<Long> seqs);

    @Query("select count(*) from outbox_event where sent_at is null")
    long countPending();

    @Query("select min(created_at) from outbox_event where sent_at is null")
    Optional<Instant> findOldestPendingCreatedAt();

    @Query("delete from outbox_event where sent_at < :before")
    int deleteSentBefore(Instant before);
}
