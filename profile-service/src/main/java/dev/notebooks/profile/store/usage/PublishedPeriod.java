package dev.notebooks.profile.store.usage;

import java.time.Instant;

/** A closed period as last published: its totals' canonical text and how often it was corrected. */
public record PublishedPeriod(String profile, Instant start, Instant end, String totals, int revision) {}
