package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.ResourceKind;
import dev.notebooks.profile.domain.usage.UsageTotals;
import java.time.Instant;
import java.util.List;

/**
 * A profile's usage between two bucket starts: its totals and a row per bucket, resource and dimension (GPU vendor
 * or storage class). Open intervals count up to the time of the read.
 */
public record UsageReport(
        String profile, Instant from, Instant to, Granularity granularity, UsageTotals totals, List<Row> rows) {

    public record Row(Instant period, ResourceKind kind, String resource, String dimension, Amounts amounts) {}
}
