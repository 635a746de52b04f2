package dev.notebooks.auth.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An account changed but not yet written to Dex's store. A change marks its email in its own transaction; the
 * reconciler clears the mark once Dex's store holds the change, unless the account changed again meanwhile (a new
 * {@code seq}). Differences on a marked email are a write under way, not drift.
 */
@MappedEntity("dex_pending")
public record PendingWrite(@Id String email, long seq) {}
