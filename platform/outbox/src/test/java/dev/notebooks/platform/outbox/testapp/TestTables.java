package dev.notebooks.platform.outbox.testapp;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TestTables extends GenericRepository<TestChange, Long> {

    @Query("insert into test_change (change_key, sequence) values (:key, :sequence)")
    void insertChange(String key, int sequence);

    @Query("select count(*) from test_change where change_key like :keyPattern")
    long countChanges(String keyPattern);

    @Query("insert into test_received_change (event_id, change_key, sequence) values (:eventId, :key, :sequence)")
    void insertReceived(UUID eventId, String key, int sequence);

    /** What the listener applied for these keys, as {@code key:sequence} in arrival order. */
    @Query(
            "select change_key || ':' || sequence from test_received_change where change_key like :keyPattern order by arrival")
    List<String> findReceived(String keyPattern);

    @Query("select count(*) from outbox_event where event_key like :keyPattern")
    long countOutboxRows(String keyPattern);

    @Query("select count(*) from outbox_event where sent_at is null")
    long countPending();
}
