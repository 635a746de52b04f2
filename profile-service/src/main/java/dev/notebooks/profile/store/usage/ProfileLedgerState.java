package dev.notebooks.profile.store.usage;

import java.time.Instant;

/**
 * A profile's ledger row, read under its lock.
 *
 * @param firstAt the earliest fact's time
 * @param closedThrough the end of the last closed period, null before the first
 */
public record ProfileLedgerState(String profile, Instant firstAt, Instant closedThrough) {}
