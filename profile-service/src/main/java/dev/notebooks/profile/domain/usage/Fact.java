package dev.notebooks.profile.domain.usage;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * What one event says for metering: from {@code at} on, the resource accrues at {@code meter}. A resource's facts in
 * the order of {@link #ORDER} (its events' own times, then a fixed rank per type, then the event id) give its
 * intervals whatever order they arrived in: the meter of each fact holds until the next fact, the last one's until a
 * later fact arrives.
 *
 * @param profile the namespace, which is the profile's name
 * @param rank orders facts of one millisecond: created before started before updated before stops before deleted
 * @param eventType the event that stated it, kept for corrections
 */
public record Fact(
        UUID eventId,
        String profile,
        ResourceKind kind,
        String resource,
        Instant at,
        int rank,
        Meter meter,
        String eventType) {

    public static final Comparator<Fact> ORDER =
            Comparator.comparing(Fact::at).thenComparingInt(Fact::rank).thenComparing(Fact::eventId);

    public Fact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(meter, "meter");
    }

    /** Where a fact sits in its resource's sequence, without its meter. */
    public record Position(Instant at, int rank, UUID eventId) {}

    public Position position() {
        return new Position(at, rank, eventId);
    }

    public ResourceKey resourceKey() {
        return new ResourceKey(profile, kind, resource);
    }
}
