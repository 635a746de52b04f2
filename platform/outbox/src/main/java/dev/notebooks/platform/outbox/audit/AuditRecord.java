package dev.notebooks.platform.outbox.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Who did what to which resource, when, from where, and how it ended. Build one with {@link #allowed},
 * {@link #denied} or {@link #failed}.
 *
 * <p>{@code before} and {@code after} are JSON summaries of the resource that the caller builds: the fields a reader
 * needs to see what changed, <b>never secrets</b> (no passwords, hashes, tokens or secret data); the audit table keeps
 * them forever.
 *
 * @param id unique per record
 * @param time when it happened (microsecond precision, as stored)
 * @param actor the user (as the gateway names them) or, for a controller, the service's name
 * @param source where the actor acted from: the client address for API calls, or {@code kubectl} / {@code controller}
 * @param action {@code <resource>.<verb>}, such as {@code profile.create} or {@code contributor.remove}
 * @param resourceKind such as {@code Profile} or {@code Notebook}
 * @param namespace the resource's namespace; null for cluster-scoped resources
 * @param name the resource's name; null for actions on a collection
 * @param outcome allowed, denied or failed
 * @param reason why it was denied or failed; optional when allowed
 * @param before JSON summary of the resource before the change, if it existed
 * @param after JSON summary of the resource after the change, if it exists
 * @param requestId the request's id (for correlating logs), if any
 */
@Serdeable
@MappedEntity("audit_record")
public record AuditRecord(
        @Id UUID id,
        @MappedProperty("occurred_at") Instant time,
        String actor,
        @Nullable String source,
        String action,
        String resourceKind,
        @Nullable String namespace,
        @Nullable String name,
        Outcome outcome,
        @Nullable String reason,
        @Nullable @ColumnTransformer(write = "CAST(? AS jsonb)") String before,
        @Nullable @ColumnTransformer(write = "CAST(? AS jsonb)") String after,
        @Nullable String requestId) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceKind, "resourceKind");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An attempt that was authorized and done. */
    public static Builder allowed(String action) {
        return new Builder(action, Outcome.ALLOWED, null);
    }

    /** An attempt that authorization refused. */
    public static Builder denied(String action, String reason) {
        return new Builder(action, Outcome.DENIED, reason);
    }

    /** An attempt that was authorized but did not succeed. */
    public static Builder failed(String action, String reason) {
        return new Builder(action, Outcome.FAILED, reason);
    }

    /** Collects a record's fields; {@link #actor} and {@link #resource} are required. */
    public static final class Builder {

        private final String action;
        private final Outcome outcome;
        private String reason;
        private String actor;
        private String source;
        private String resourceKind;
        private String namespace;
        private String name;
        private String before;
        private String after;
        private String requestId;
        private Instant time;

        private Builder(String action, Outcome outcome, String reason) {
            this.action = action;
            this.outcome = outcome;
            this.reason = reason;
        }

        /** Who acted and from where (client address, {@code kubectl} or {@code controller}). */
        public Builder actor(String actor, @Nullable String source) {
            this.actor = actor;
            this.source = source;
            return this;
        }

        /** What was acted on; the namespace is null for cluster-scoped resources, the name for collections. */
        public Builder resource(String kind, @Nullable String namespace, @Nullable String name) {
            this.resourceKind = kind;
            this.namespace = namespace;
            this.name = name;
            return this;
        }

        public Builder reason(@Nullable String reason) {
            this.reason = reason;
            return this;
        }

        /** A JSON summary of the resource before the change, without secrets. */
        public Builder before(@Nullable String json) {
            this.before = json;
            return this;
        }

        /** A JSON summary of the resource after the change, without secrets. */
        public Builder after(@Nullable String json) {
            this.after = json;
            return this;
        }

        public Builder requestId(@Nullable String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** When it happened; now if not set. */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public AuditRecord build() {
            Instant when = (time != null ? time : Instant.now()).truncatedTo(ChronoUnit.MICROS);
            return new AuditRecord(
                    UUID.randomUUID(),
                    when,
                    actor,
                    source,
                    action,
                    resourceKind,
                    namespace,
                    name,
                    outcome,
                    reason,
                    before,
                    after,
                    requestId);
        }
    }
}
