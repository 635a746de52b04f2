package dev.notebooks.profile.domain.usage;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A profile's usage over some span, by kind and dimension (a notebook's GPU vendor, a volume's storage class). Its
 * {@link #canonical()} text is what a closed period stores as published, and two totals are the same usage when
 * their canonical texts are equal.
 */
public final class UsageTotals {

    /** A part of the totals: notebooks with one GPU vendor (or none), or volumes of one storage class. */
    public record Part(ResourceKind kind, String dimension) implements Comparable<Part> {

        @Override
        public int compareTo(Part other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : dimension.compareTo(other.dimension);
        }
    }

    private final SortedMap<Part, Amounts> parts = new TreeMap<>();

    public UsageTotals add(ResourceKind kind, String dimension, Amounts amounts) {
        if (!amounts.isZero()) {
            parts.merge(new Part(kind, dimension), amounts, Amounts::plus);
        }
        return this;
    }

    public SortedMap<Part, Amounts> parts() {
        return Collections.unmodifiableSortedMap(parts);
    }

    public Amounts sum() {
        return parts.values().stream().reduce(Amounts.ZERO, Amounts::plus);
    }

    /** GPU-milliseconds per vendor. */
    public SortedMap<String, BigDecimal> gpuMsByVendor() {
        SortedMap<String, BigDecimal> byVendor = new TreeMap<>();
        parts.forEach((part, amounts) -> {
            if (part.kind() == ResourceKind.NOTEBOOK && amounts.gpuMs().signum() != 0) {
                byVendor.merge(part.dimension(), amounts.gpuMs(), BigDecimal::add);
            }
        });
        return byVendor;
    }

    /** Storage byte-milliseconds per storage class ("" for the cluster default). */
    public SortedMap<String, BigDecimal> storageByteMsByClass() {
        SortedMap<String, BigDecimal> byClass = new TreeMap<>();
        parts.forEach((part, amounts) -> {
            if (part.kind() == ResourceKind.VOLUME && amounts.storageByteMs().signum() != 0) {
                byClass.merge(part.dimension(), amounts.storageByteMs(), BigDecimal::add);
            }
        });
        return byClass;
    }

    /** One line per non-zero part, sorted, numbers in plain form: equal texts, equal usage. */
    public String canonical() {
        StringJoiner lines = new StringJoiner("\n");
        parts.forEach((part, amounts) -> {
            if (!amounts.isZero()) {
                lines.add(String.join(
                        "|",
                        part.kind().value(),
                        part.dimension(),
                        Amounts.plain(amounts.cpuCoreMs()).toPlainString(),
                        Amounts.plain(amounts.memoryByteMs()).toPlainString(),
                        Amounts.plain(amounts.gpuMs()).toPlainString(),
                        Amounts.plain(amounts.storageByteMs()).toPlainString()));
            }
        });
        return lines.toString();
    }

    public static UsageTotals parse(String canonical) {
        UsageTotals totals = new UsageTotals();
        if (canonical == null || canonical.isEmpty()) {
            return totals;
        }
        for (String line : canonical.split("\n")) {
            String[] fields = line.split("\\|", -1);
            totals.add(
                    ResourceKind.of(fields[0]),
                    fields[1],
                    new Amounts(
                            new BigDecimal(fields[2]),
                            new BigDecimal(fields[3]),
                            new BigDecimal(fields[4]),
                            new BigDecimal(fields[5])));
        }
        return totals;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsageTotals totals && canonical().equals(totals.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** The parts as a map, for callers that build figures from them. */
    public Map<Part, Amounts> asMap() {
        return parts();
    }
}
