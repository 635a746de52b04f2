package dev.notebooks.platform.events.usage;

import dev.notebooks.platform.events.EventData;
import java.time.Instant;

/** What every usage event says: the profile and the period (subject and key: the profile name). */
public interface UsageData extends EventData {

    String profile();

    Instant from();

    Instant to();

    UsageFigures totals();
}
