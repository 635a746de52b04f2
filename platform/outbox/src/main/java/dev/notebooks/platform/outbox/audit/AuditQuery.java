package dev.notebooks.platform.outbox.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Which audit records to return, newest first, one page at a time. Every service's {@code GET /api/audit} binds its
 * query parameters to this record ({@code @RequestBean AuditQuery query}), so they all take the same parameters:
 * {@code actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor}.
 *
 * @param actor only this actor's records
 * @param resourceKind only records about this kind of resource
 * @param namespace only records in this namespace
 * @param name only records about resources with this name
 * @param action only this action, such as {@code profile.create}
 * @param outcome only allowed, denied or failed attempts
 * @param from only records at or after this time
 * @param to only records before this time
 * @param limit page size: {@value #DEFAULT_LIMIT} if absent, at most {@value #MAX_LIMIT}
 * @param cursor {@link AuditPage#nextCursor()} of the previous page; absent for the first page
 */
@Serdeable
public record AuditQuery(
        @Nullable String actor,
        @Nullable String resourceKind,
        @Nullable String namespace,
        @Nullable String name,
        @Nullable String action,
        @Nullable Outcome outcome,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Integer limit,
        @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        limit = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** The first page of every record. */
    public static AuditQuery newestFirst() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public AuditQuery withActor(String actor) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    public AuditQuery withResource(String resourceKind, @Nullable String namespace, @Nullable String name) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    public AuditQuery withOutcome(Outcome outcome) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    public AuditQuery withNamespace(String namespace) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    /** Records at or after {@code from} and before {@code to}; either may be null. */
    public AuditQuery between(@Nullable Instant from, @Nullable Instant to) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    public AuditQuery withLimit(int limit) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }

    /** The same filters, the page after the one that returned this cursor. */
    public AuditQuery after(String cursor) {
        return new AuditQuery(actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor);
    }
}
