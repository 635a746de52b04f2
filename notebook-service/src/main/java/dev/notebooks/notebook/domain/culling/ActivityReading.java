package dev.notebooks.notebook.domain.culling;

import java.time.Instant;
import java.util.Optional;

/** What one look at a notebook server's activity source gave. */
public sealed interface ActivityReading {

    /** The source answered; {@code lastActivity} empty when it knows of no activity (no kernels, no heartbeat yet). */
    record Observed(Optional<Instant> lastActivity) implements ActivityReading {}

    /** The source did not answer usably: the notebook's activity is unknown, and it is never culled for it. */
    record Unavailable(String reason) implements ActivityReading {}

    default boolean available() {
        return this instanceof Observed;
    }
}
