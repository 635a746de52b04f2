package dev.notebooks.profile.store.usage;

import dev.notebooks.profile.domain.usage.ResourceKind;
import java.time.Instant;

/** The key of one row of {@code usage_hour}: a resource's usage of one dimension in one hour. */
public record HourCell(String profile, Instant hour, ResourceKind kind, String resource, String dimension) {}
