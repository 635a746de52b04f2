package dev.notebooks.profile.domain.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a resource costs per millisecond from a fact on: nothing (stopped, deleted, not bound) or its requests.
 *
 * @param running whether it accrues
 * @param cpu cores requested (notebooks)
 * @param memory bytes requested (notebooks)
 * @param gpus GPUs requested (notebooks)
 * @param storage bytes requested (volumes)
 * @param dimension the GPU vendor of a notebook or the storage class of a volume; "" for none or the default class
 */
public record Meter(
        boolean running, BigDecimal cpu, BigDecimal memory, int gpus, BigDecimal storage, String dimension) {

    public static final Meter OFF = new Meter(false, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, "");

    public Meter {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(storage, "storage");
        dimension = dimension == null ? "" : dimension;
    }

    public static Meter notebook(BigDecimal cpu, BigDecimal memory, int gpus, String vendor) {
        return new Meter(true, cpu, memory, gpus, BigDecimal.ZERO, gpus > 0 && vendor != null ? vendor : "");
    }

    public static Meter volume(BigDecimal storage, String storageClass) {
        return new Meter(true, BigDecimal.ZERO, BigDecimal.ZERO, 0, storage, storageClass);
    }

    /** What it accrues over the given milliseconds. */
    public Amounts over(long millis) {
        if (!running || millis <= 0) {
            return Amounts.ZERO;
        }
        BigDecimal ms = BigDecimal.valueOf(millis);
        return new Amounts(
                cpu.multiply(ms), memory.multiply(ms), BigDecimal.valueOf(gpus).multiply(ms), storage.multiply(ms));
    }

    /** Same accrual, whatever the scale of the decimals (so 1 and 1.0 cores are the same meter). */
    public boolean accruesAs(Meter other) {
        if (!running && !other.running) {
            return true;
        }
        return running == other.running
                && cpu.compareTo(other.cpu) == 0
                && memory.compareTo(other.memory) == 0
                && gpus == other.gpus
                && storage.compareTo(other.storage) == 0
                && dimension.equals(other.dimension);
    }
}
