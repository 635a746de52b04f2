package dev.notebooks.profile.domain.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The buckets usage is read and published in, in UTC. */
public enum Granularity {
    HOUR,
    DAY,
    MONTH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> of(String value) {
        for (Granularity granularity : values()) {
            if (granularity.value().equals(value)) {
                return Optional.of(granularity);
            }
        }
        return Optional.empty();
    }

    /** The start of the bucket the instant is in. */
    public Instant floor(Instant instant) {
        return switch (this) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
            case MONTH ->
                ZonedDateTime.ofInstant(instant, ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.DAYS)
                        .withDayOfMonth(1)
                        .toInstant();
        };
    }

    /** The start of the next bucket after the one starting at {@code start}. */
    public Instant next(Instant start) {
        return switch (this) {
            case HOUR -> start.plus(1, ChronoUnit.HOURS);
            case DAY -> start.plus(1, ChronoUnit.DAYS);
            case MONTH ->
                ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }

    /** The start of the first bucket at or after the instant. */
    public Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : next(floor);
    }
}
