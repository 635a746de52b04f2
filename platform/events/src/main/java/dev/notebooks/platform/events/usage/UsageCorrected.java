package dev.notebooks.platform.events.usage;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * An event that arrived after a period was published changed it: the period's new totals replace the previous ones.
 *
 * @param revision 1 for the first correction of the period, then 2, ...; the highest revision is the period's figure
 * @param previous the totals published before (by {@code usage.period-closed.v1} or the previous correction)
 * @param totals the totals now
 * @param causeType the type of the late event, such as {@code notebook.stopped.v1}
 * @param causeId the id of the late event
 */
public record UsageCorrected(
        Actor actor,
        String profile,
        Instant from,
        Instant to,
        int revision,
        UsageFigures previous,
        UsageFigures totals,
        String causeType,
        String causeId)
        implements UsageData {

    public static final String TYPE = "usage.corrected.v1";

    public UsageCorrected {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(totals, "totals");
    }
}
