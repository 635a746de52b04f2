package dev.notebooks.platform.outbox.audit;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

/** The audit trail: append records, read them back with filters and paging. Records cannot be changed or deleted. */
@Singleton
public class AuditLog {

    private final AuditRecordRepository repository;

    AuditLog(AuditRecordRepository repository) {
        this.repository = repository;
    }

    /**
     * Appends the record in the caller's transaction, so it commits with the change it describes; in its own
     * transaction when there is none.
     */
    @Transactional
    public void record(AuditRecord record) {
        repository.save(record);
    }

    /**
     * Appends the record in a transaction of its own that commits at once, even if the caller's transaction then rolls
     * back: for denied and failed attempts recorded from inside the transaction that is about to fail.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordInOwnTransaction(AuditRecord record) {
        repository.save(record);
    }

    /**
     * One page of the records that match the query, newest first.
     *
     * @throws IllegalArgumentException when the query's cursor is not one this log returned (a 400 for HTTP callers)
     */
    public AuditPage find(AuditQuery query) {
        AuditCursor cursor = query.cursor() == null ? null : AuditCursor.decode(query.cursor());
        List<AuditRecord> records = repository.search(
                query.actor(),
                query.resourceKind(),
                query.namespace(),
                query.name(),
                query.action(),
                query.outcome() == null ? null : query.outcome().name(),
                query.from(),
                query.to(),
                cursor == null ? null : cursor.time(),
                cursor == null ? null : cursor.id(),
                query.limit() + 1);
        if (records.size() <= query.limit()) {
            return new AuditPage(records, null);
        }
        List<AuditRecord> page = records.subList(0, query.limit());
        return new AuditPage(
                List.copyOf(page), AuditCursor.after(page.get(page.size() - 1)).encode());
    }
}
