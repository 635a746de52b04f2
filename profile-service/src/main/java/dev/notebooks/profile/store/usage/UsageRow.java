package dev.notebooks.profile.store.usage;

import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.ResourceKind;
import java.time.Instant;

/** Usage of one resource (and dimension) in one bucket. */
public record UsageRow(
        String profile, Instant bucket, ResourceKind kind, String resource, String dimension, Amounts amounts) {}
