package dev.notebooks.profile.domain.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Exact usage in the ledger's units: core-milliseconds, byte-milliseconds, GPU-milliseconds, byte-milliseconds of
 * storage. Integral for whole millicores and bytes, and never rounded.
 */
public record Amounts(BigDecimal cpuCoreMs, BigDecimal memoryByteMs, BigDecimal gpuMs, BigDecimal storageByteMs) {

    public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal GIB_MS = BigDecimal.valueOf(1024L * 1024 * 1024 * 1000);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Scale of the hour figures, which are for reading: the seconds figures are the exact ones. */
    public static final int HOURS_SCALE = 6;

    public Amounts {
        Objects.requireNonNull(cpuCoreMs, "cpuCoreMs");
        Objects.requireNonNull(memoryByteMs, "memoryByteMs");
        Objects.requireNonNull(gpuMs, "gpuMs");
        Objects.requireNonNull(storageByteMs, "storageByteMs");
    }

    public Amounts plus(Amounts other) {
        return new Amounts(
                cpuCoreMs.add(other.cpuCoreMs),
                memoryByteMs.add(other.memoryByteMs),
                gpuMs.add(other.gpuMs),
                storageByteMs.add(other.storageByteMs));
    }

    public Amounts negate() {
        return new Amounts(cpuCoreMs.negate(), memoryByteMs.negate(), gpuMs.negate(), storageByteMs.negate());
    }

    public boolean isZero() {
        return cpuCoreMs.signum() == 0
                && memoryByteMs.signum() == 0
                && gpuMs.signum() == 0
                && storageByteMs.signum() == 0;
    }

    /** Equal figures whatever the scale. */
    public boolean sameAs(Amounts other) {
        return cpuCoreMs.compareTo(other.cpuCoreMs) == 0
                && memoryByteMs.compareTo(other.memoryByteMs) == 0
                && gpuMs.compareTo(other.gpuMs) == 0
                && storageByteMs.compareTo(other.storageByteMs) == 0;
    }

    /** Core-seconds, exact (a division by a power of ten). */
    public BigDecimal cpuCoreSeconds() {
        return plain(cpuCoreMs.divide(THOUSAND));
    }

    /** GiB-seconds of memory, exact (2^30 * 1000 divides every decimal into a finite one). */
    public BigDecimal memoryGiBSeconds() {
        return plain(memoryByteMs.divide(GIB_MS));
    }

    public BigDecimal gpuSeconds() {
        return plain(gpuMs.divide(THOUSAND));
    }

    public BigDecimal storageGiBSeconds() {
        return plain(storageByteMs.divide(GIB_MS));
    }

    /** Seconds as hours, rounded half-even to {@link #HOURS_SCALE} places. */
    public static BigDecimal hours(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_HOUR, HOURS_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The plain form of a decimal: no exponent, no trailing zeros. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
