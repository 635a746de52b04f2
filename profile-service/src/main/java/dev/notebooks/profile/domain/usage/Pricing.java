package dev.notebooks.profile.domain.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per hour of a unit: a core, a GiB of memory, a GPU by vendor, a GiB of storage by class ({@code ""} is the
 * cluster default class). A vendor or class without a price of its own takes the one under {@code defaultKey}; one
 * without either costs nothing. Costs are computed exactly and rounded half-even to {@link #COST_SCALE} places once,
 * at the end.
 */
public record Pricing(
        BigDecimal cpuCoreHour,
        BigDecimal memoryGibHour,
        Map<String, BigDecimal> gpuHour,
        Map<String, BigDecimal> storageGibHour,
        String defaultKey) {

    public static final int COST_SCALE = 6;

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    public Pricing {
        gpuHour = Map.copyOf(gpuHour);
        storageGibHour = Map.copyOf(storageGibHour);
    }

    public static Pricing none() {
        return new Pricing(null, null, Map.of(), Map.of(), "default");
    }

    public boolean priced() {
        return cpuCoreHour != null || memoryGibHour != null || !gpuHour.isEmpty() || !storageGibHour.isEmpty();
    }

    /** The cost of usage of one kind and dimension, or empty without prices. */
    public Optional<BigDecimal> cost(ResourceKind kind, String dimension, Amounts amounts) {
        if (!priced()) {
            return Optional.empty();
        }
        return Optional.of(round(exact(kind, dimension, amounts)));
    }

    /** The cost of the totals (each part priced exactly, rounded once), or empty without prices. */
    public Optional<BigDecimal> cost(UsageTotals totals) {
        if (!priced()) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<UsageTotals.Part, Amounts> part : totals.parts().entrySet()) {
            sum = sum.add(exact(part.getKey().kind(), part.getKey().dimension(), part.getValue()));
        }
        return Optional.of(round(sum));
    }

    /** Price x unit-seconds, still to be divided by 3600. */
    private BigDecimal exact(ResourceKind kind, String dimension, Amounts amounts) {
        BigDecimal unitSecondsPrice = BigDecimal.ZERO;
        if (kind == ResourceKind.NOTEBOOK) {
            if (cpuCoreHour != null) {
                unitSecondsPrice = unitSecondsPrice.add(amounts.cpuCoreSeconds().multiply(cpuCoreHour));
            }
            if (memoryGibHour != null) {
                unitSecondsPrice =
                        unitSecondsPrice.add(amounts.memoryGiBSeconds().multiply(memoryGibHour));
            }
            BigDecimal gpu = priceOf(gpuHour, dimension);
            if (gpu != null) {
                unitSecondsPrice = unitSecondsPrice.add(amounts.gpuSeconds().multiply(gpu));
            }
        } else {
            BigDecimal storage = priceOf(storageGibHour, dimension);
            if (storage != null) {
                unitSecondsPrice =
                        unitSecondsPrice.add(amounts.storageGiBSeconds().multiply(storage));
            }
        }
        return unitSecondsPrice;
    }

    private BigDecimal priceOf(Map<String, BigDecimal> prices, String dimension) {
        BigDecimal own = prices.get(dimension);
        return own != null ? own : prices.get(defaultKey);
    }

    private static BigDecimal round(BigDecimal unitSecondsPrice) {
        return unitSecondsPrice.divide(SECONDS_PER_HOUR, COST_SCALE, RoundingMode.HALF_EVEN);
    }
}
