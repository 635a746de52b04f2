package dev.notebooks.profile;

import dev.notebooks.profile.domain.usage.Granularity;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Usage metering ({@code usage.*}): how periods close and, optionally, prices that put a cost beside each quantity.
 * Prices are per hour of the unit: a core, a GiB of memory, a GPU of a vendor, a GiB of storage of a class.
 */
@ConfigurationProperties(UsageSettings.PREFIX)
public class UsageSettings {

    public static final String PREFIX = "usage";

    /** Periods are hours, as billing systems that invoice hourly usage expect. */
    public static final Granularity DEFAULT_PERIOD = Granularity.HOUR;

    /** A period closes this long after its end, so events in flight at the end still count in it. */
    public static final Duration DEFAULT_CLOSE_DELAY = Duration.ofMinutes(5);

    /** How often the closer looks for periods to close. */
    public static final Duration DEFAULT_CLOSE_CHECK_INTERVAL = Duration.ofMinutes(1);

    public static final boolean DEFAULT_CLOSING_ENABLED = true;

    /** Key of the price for GPUs of a vendor without a price of its own, and for storage classes likewise. */
    public static final String DEFAULT_KEY = "default";

    private Granularity period = DEFAULT_PERIOD;
    private Duration closeDelay = DEFAULT_CLOSE_DELAY;
    private Duration closeCheckInterval = DEFAULT_CLOSE_CHECK_INTERVAL;
    private boolean closingEnabled = DEFAULT_CLOSING_ENABLED;
    private String currency;
    private BigDecimal cpuCoreHour;
    private BigDecimal memoryGibHour;
    private Map<String, BigDecimal> gpuHour = Map.of();
    private Map<String, BigDecimal> storageGibHour = Map.of();

    /** @return the length of a published period: {@code hour} (default) or {@code day} */
    public Granularity getPeriod() {
        return period;
    }

    public void setPeriod(Granularity period) {
        if (period == Granularity.MONTH) {
            throw new IllegalArgumentException("usage.period is hour or day");
        }
        this.period = period == null ? DEFAULT_PERIOD : period;
    }

    /** @return how long after its end a period closes. Default 5 minutes. */
    public Duration getCloseDelay() {
        return closeDelay;
    }

    public void setCloseDelay(Duration closeDelay) {
        this.closeDelay = closeDelay == null || closeDelay.isNegative() ? DEFAULT_CLOSE_DELAY : closeDelay;
    }

    /** @return how often due periods are looked for. Default 1 minute. */
    public Duration getCloseCheckInterval() {
        return closeCheckInterval;
    }

    public void setCloseCheckInterval(Duration closeCheckInterval) {
        this.closeCheckInterval = closeCheckInterval == null ? DEFAULT_CLOSE_CHECK_INTERVAL : closeCheckInterval;
    }

    /** @return whether closed periods are published. Default true. */
    public boolean isClosingEnabled() {
        return closingEnabled;
    }

    public void setClosingEnabled(boolean closingEnabled) {
        this.closingEnabled = closingEnabled;
    }

    /** @return the currency of the prices, such as {@code EUR}; informative only. Default none. */
    public Optional<String> getCurrency() {
        return Optional.ofNullable(currency);
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** @return the price of a core for an hour. Default none (no cpu cost). */
    public Optional<BigDecimal> getCpuCoreHour() {
        return Optional.ofNullable(cpuCoreHour);
    }

    public void setCpuCoreHour(BigDecimal cpuCoreHour) {
        this.cpuCoreHour = cpuCoreHour;
    }

    /** @return the price of a GiB of memory for an hour. Default none. */
    public Optional<BigDecimal> getMemoryGibHour() {
        return Optional.ofNullable(memoryGibHour);
    }

    public void setMemoryGibHour(BigDecimal memoryGibHour) {
        this.memoryGibHour = memoryGibHour;
    }

    /** @return the price of a GPU for an hour by vendor resource ({@code nvidia.com/gpu}), {@code default} for the rest */
    public Map<String, BigDecimal> getGpuHour() {
        return gpuHour;
    }

    public void setGpuHour(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                    Map<String, BigDecimal> gpuHour) {
        this.gpuHour = gpuHour == null ? Map.of() : new TreeMap<>(gpuHour);
    }

    /** @return the price of a GiB of storage for an hour by storage class, {@code default} for the rest */
    public Map<String, BigDecimal> getStorageGibHour() {
        return storageGibHour;
    }

    public void setStorageGibHour(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                    Map<String, BigDecimal> storageGibHour) {
        this.storageGibHour = storageGibHour == null ? Map.of() : new TreeMap<>(storageGibHour);
    }

    /** @return whether any price is configured, so costs are shown */
    public boolean priced() {
        return cpuCoreHour != null || memoryGibHour != null || !gpuHour.isEmpty() || !storageGibHour.isEmpty();
    }
}
