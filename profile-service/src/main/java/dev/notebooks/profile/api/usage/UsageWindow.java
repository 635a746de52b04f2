package dev.notebooks.profile.api.usage;

import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.domain.usage.Granularity;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The query parameters of a usage read, checked: {@code from} and {@code to} are instants ({@code 2025-11-20T09:00:00Z})
 * or dates ({@code 2025-11-20}, midnight UTC), widened to whole buckets of the granularity ({@code hour}, {@code day}
 * default, {@code month}). Without {@code from}, the current month's start; without {@code to}, now. At most
 * {@value #MAX_HOUR_DAYS} days by hour, {@value #MAX_DAY_DAYS} by day, {@value #MAX_MONTH_YEARS} years by month;
 * years 2000 to 2199.
 */
record UsageWindow(Instant from, Instant to, Granularity granularity) {

    static final long MAX_HOUR_DAYS = 366;
    static final long MAX_DAY_DAYS = 3 * 366;
    static final long MAX_MONTH_YEARS = 20;
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** @throws org.zalando.problem.ThrowableProblem 422 naming the parameter at fault */
    static UsageWindow of(String from, String to, String granularity, Instant now) {
        Granularity bucket = granularity == null || granularity.isBlank()
                ? Granularity.DAY
                : Granularity.of(granularity)
                        .orElseThrow(() -> ApiProblems.invalid("granularity", "must be hour, day or month"));
        Instant start = from == null || from.isBlank()
                ? ZonedDateTime.ofInstant(now, ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .toLocalDate()
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                : instant("from", from);
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        start = bucket.floor(start);
        end = bucket.ceil(end);
        if (!start.isBefore(end)) {
            throw ApiProblems.invalid("to", "must be after from");
        }
        Duration span = Duration.between(start, end);
        boolean tooLong =
                switch (bucket) {
                    case HOUR -> span.toDays() > MAX_HOUR_DAYS;
                    case DAY -> span.toDays() > MAX_DAY_DAYS;
                    case MONTH -> span.toDays() > MAX_MONTH_YEARS * 366;
                };
        if (tooLong) {
            throw ApiProblems.invalid(
                    "to",
                    "at most %d days by hour, %d days by day, %d years by month"
                            .formatted(MAX_HOUR_DAYS, MAX_DAY_DAYS, MAX_MONTH_YEARS));
        }
        return new UsageWindow(start, end, bucket);
    }

    private static Instant instant(String field, String value) {
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            throw ApiProblems.invalid(
                    field, "must be an instant such as 2025-11-20T09:00:00Z or a date such as 2025-11-20");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ApiProblems.invalid(field, "must be in the years 2000 to 2199");
        }
        return instant;
    }
}
