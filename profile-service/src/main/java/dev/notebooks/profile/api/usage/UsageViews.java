package dev.notebooks.profile.api.usage;

import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Pricing;
import dev.notebooks.profile.domain.usage.ResourceKind;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.service.usage.UsagePricing;
import dev.notebooks.profile.service.usage.UsageReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the usage API answers. Figures are decimal strings: seconds exact, hours rounded to 6 places. */
final class UsageViews {

    private UsageViews() {}

    /**
     * @param from the first bucket's start
     * @param to the end of the last bucket (open intervals count up to the read, when earlier)
     * @param currency the prices' currency, when configured
     */
    @Serdeable
    record UsageReportView(
            String profile,
            Instant from,
            Instant to,
            String granularity,
            @Nullable String currency,
            TotalsView totals,
            List<RowView> rows) {}

    /** The totals, with GPU figures per vendor and storage per class. */
    @Serdeable
    record TotalsView(
            String cpuCoreSeconds,
            String cpuCoreHours,
            String memoryGiBSeconds,
            String memoryGiBHours,
            Map<String, String> gpuSeconds,
            Map<String, String> storageGiBSeconds,
            @Nullable String cost) {}

    /**
     * One bucket of one notebook or volume.
     *
     * @param gpuVendor the vendor resource of a notebook's GPUs, absent without GPUs
     * @param storageClass a volume's storage class; {@code (default)} for a claim that names none
     */
    @Serdeable
    record RowView(
            Instant period,
            String kind,
            String name,
            @Nullable String gpuVendor,
            @Nullable String storageClass,
            String cpuCoreSeconds,
            String cpuCoreHours,
            String memoryGiBSeconds,
            String memoryGiBHours,
            String gpuSeconds,
            String gpuHours,
            String storageGiBSeconds,
            String storageGiBHours,
            @Nullable String cost) {}

    @Serdeable
    record UsagePageView(List<UsageReportView> items, @Nullable String nextCursor) {}

    static UsageReportView of(UsageReport report, UsagePricing pricing) {
        UsageTotals totals = report.totals();
        Amounts sum = totals.sum();
        Map<String, String> gpu = new TreeMap<>();
        totals.gpuMsByVendor().forEach((vendor, ms) -> gpu.put(vendor, text(seconds(ms))));
        Map<String, String> storage = new TreeMap<>();
        totals.storageByteMsByClass()
                .forEach((storageClass, byteMs) -> storage.put(
                        UsagePricing.className(storageClass),
                        text(new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, byteMs)
                                .storageGiBSeconds())));
        Pricing prices = pricing.pricing();
        TotalsView totalsView = new TotalsView(
                text(sum.cpuCoreSeconds()),
                text(Amounts.hours(sum.cpuCoreSeconds())),
                text(sum.memoryGiBSeconds()),
                text(Amounts.hours(sum.memoryGiBSeconds())),
                gpu,
                storage,
                prices.cost(totals).map(UsageViews::text).orElse(null));
        List<RowView> rows = report.rows().stream().map(row -> row(row, prices)).toList();
        return new UsageReportView(
                report.profile(),
                report.from(),
                report.to(),
                report.granularity().value(),
                prices.priced() ? pricing.currency().orElse(null) : null,
                totalsView,
                rows);
    }

    static RowView row(UsageReport.Row row, Pricing prices) {
        Amounts amounts = row.amounts();
        boolean notebook = row.kind() == ResourceKind.NOTEBOOK;
        return new RowView(
                row.period(),
                row.kind().value(),
                row.resource(),
                notebook && !row.dimension().isEmpty() ? row.dimension() : null,
                notebook ? null : UsagePricing.className(row.dimension()),
                text(amounts.cpuCoreSeconds()),
                text(Amounts.hours(amounts.cpuCoreSeconds())),
                text(amounts.memoryGiBSeconds()),
                text(Amounts.hours(amounts.memoryGiBSeconds())),
                text(amounts.gpuSeconds()),
                text(Amounts.hours(amounts.gpuSeconds())),
                text(amounts.storageGiBSeconds()),
                text(Amounts.hours(amounts.storageGiBSeconds())),
                prices.cost(row.kind(), row.dimension(), amounts)
                        .map(UsageViews::text)
                        .orElse(null));
    }

    private static BigDecimal seconds(BigDecimal ms) {
        return new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, ms, BigDecimal.ZERO).gpuSeconds();
    }

    static String text(BigDecimal value) {
        return value.toPlainString();
    }
}
