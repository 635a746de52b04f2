package dev.notebooks.profile.service.usage;

import dev.notebooks.platform.events.usage.UsageFigures;
import dev.notebooks.profile.UsageSettings;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Pricing;
import dev.notebooks.profile.domain.usage.UsageTotals;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured prices, and totals as the figures events and the API show. */
@Singleton
public class UsagePricing {

    private final Pricing pricing;
    private final Optional<String> currency;

    UsagePricing(UsageSettings settings) {
        this.pricing = new Pricing(
                settings.getCpuCoreHour().orElse(null),
                settings.getMemoryGibHour().orElse(null),
                settings.getGpuHour(),
                storageByDimension(settings.getStorageGibHour()),
                UsageSettings.DEFAULT_KEY);
        this.currency = settings.getCurrency();
    }

    public Pricing pricing() {
        return pricing;
    }

    public Optional<String> currency() {
        return currency;
    }

    /** The totals as exact figures, with the cost when prices are configured. */
    public UsageFigures figures(UsageTotals totals) {
        Amounts sum = totals.sum();
        Map<String, String> gpu = new TreeMap<>();
        totals.gpuMsByVendor().forEach((vendor, ms) -> gpu.put(vendor, seconds(ms)));
        Map<String, String> storage = new TreeMap<>();
        totals.storageByteMsByClass()
                .forEach((storageClass, byteMs) -> storage.put(
                        className(storageClass),
                        new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, byteMs)
                                .storageGiBSeconds()
                                .toPlainString()));
        return new UsageFigures(
                sum.cpuCoreSeconds().toPlainString(),
                sum.memoryGiBSeconds().toPlainString(),
                gpu,
                storage,
                pricing.cost(totals).map(BigDecimal::toPlainString).orElse(null),
                pricing.priced() ? currency.orElse(null) : null);
    }

    /** How a storage class is named in figures: {@link UsageFigures#DEFAULT_CLASS} for the cluster default. */
    public static String className(String dimension) {
        return dimension.isEmpty() ? UsageFigures.DEFAULT_CLASS : dimension;
    }

    private static String seconds(BigDecimal ms) {
        return new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, ms, BigDecimal.ZERO)
                .gpuSeconds()
                .toPlainString();
    }

    /** Prices keyed by class name as configured; the cluster default's price under "(default)" applies to "". */
    private static Map<String, BigDecimal> storageByDimension(Map<String, BigDecimal> configured) {
        Map<String, BigDecimal> byDimension = new TreeMap<>(configured);
        BigDecimal clusterDefault = byDimension.remove(UsageFigures.DEFAULT_CLASS);
        if (clusterDefault != null) {
            byDimension.put("", clusterDefault);
        }
        return byDimension;
    }
}
