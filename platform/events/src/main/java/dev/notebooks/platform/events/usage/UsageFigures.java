package dev.notebooks.platform.events.usage;

import java.util.Map;
import java.util.TreeMap;

/**
 * A profile's usage over a period, exact: decimal strings (never binary floating point), in seconds of the unit so
 * that no figure is rounded.
 *
 * @param cpuCoreSeconds cores requested by running notebooks x seconds
 * @param memoryGiBSeconds GiB of memory requested by running notebooks x seconds
 * @param gpuSeconds GPUs requested by running notebooks x seconds, by vendor resource ({@code nvidia.com/gpu})
 * @param storageGiBSeconds GiB of bound volumes x seconds, by storage class ({@value #DEFAULT_CLASS} for a claim
 *     that names none)
 * @param cost what the configured prices make of it, rounded half-even to 6 places; null without prices
 * @param currency the prices' currency; null when not configured
 */
public record UsageFigures(
        String cpuCoreSeconds,
        String memoryGiBSeconds,
        Map<String, String> gpuSeconds,
        Map<String, String> storageGiBSeconds,
        String cost,
        String currency) {

    public static final String DEFAULT_CLASS = "(default)";

    public UsageFigures {
        gpuSeconds = new TreeMap<>(gpuSeconds);
        storageGiBSeconds = new TreeMap<>(storageGiBSeconds);
    }
}
