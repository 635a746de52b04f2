package dev.notebooks.platform.outbox.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRecordRepository extends GenericRepository<AuditRecord, UUID> {

    AuditRecord save(AuditRecord record);

    /** Newest first; a null filter matches everything; the cursor (time, id) continues after the previous page. */
    @Query(
            """
            select * from audit_record
            where (cast(:actor as text) is null or actor = :actor)
              and (cast(:resourceKind as text) is null or resource_kind = :resourceKind)
              and (cast(:namespace as text) is null or namespace = :namespace)
              and (cast(:name as text) is null or name = :name)
              and (cast(:action as text) is null or action = :action)
              and (cast(:outcome as text) is null or outcome = :outcome)
              and (cast(:from as timestamptz) is null or occurred_at >= :from)
              and (cast(:to as timestamptz) is null or occurred_at < :to)
              and (cast(:cursorTime as timestamptz) is null or (occurred_at, id) < (:cursorTime, :cursorId))
            order by occurred_at desc, id desc
            limit :limit""")
    List<AuditRecord> search(
            @Nullable String actor,
            @Nullable String resourceKind,
            @Nullable String namespace,
            @Nullable String name,
            @Nullable String action,
            @Nullable String outcome,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Instant cursorTime,
            @Nullable UUID cursorId,
            int limit);
}
