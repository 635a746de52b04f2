package dev.notebooks.platform.events.usage;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A profile's usage for a period that has ended, as billing can take it: published once per profile and period
 * (an hour by default) shortly after its end, with the totals from every event received by then. A late event that
 * changes them brings a {@code usage.corrected.v1}.
 *
 * @param profile the profile (its namespace)
 * @param from the period's start (inclusive)
 * @param to the period's end (exclusive)
 */
public record UsagePeriodClosed(Actor actor, String profile, Instant from, Instant to, UsageFigures totals)
        implements UsageData {

    public static final String TYPE = "usage.period-closed.v1";

    public UsagePeriodClosed {
        Objects.requireNonNull(totals, "totals");
    }
}
