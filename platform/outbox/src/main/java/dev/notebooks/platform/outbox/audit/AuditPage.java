package dev.notebooks.platform.outbox.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of audit records, newest first: the response body of every service's {@code GET /api/audit}.
 *
 * @param items the records
 * @param nextCursor pass it as {@code cursor} for the next page; null on the last page
 */
@Serdeable
public record AuditPage(List<AuditRecord> items, @Nullable String nextCursor) {}
