package dev.notebooks.profile.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes to the API by resource, e.g. {@code namespaces=1000}. */
record WriteCounts(Map<String, Long> byResource) {

    /** @return the writes made since {@code earlier} was taken */
    WriteCounts since(WriteCounts earlier) {
        Map<String, Long> difference = new TreeMap<>();
        byResource.forEach((resource, count) -> {
            long added = count - earlier.byResource.getOrDefault(resource, 0L);
            if (added != 0) {
                difference.put(resource, added);
            }
        });
        return new WriteCounts(difference);
    }

    /** @return every write but the Lease renewals of leader election */
    long reconcilerWrites() {
        return byResource.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(ApiWriteCounter.LEASES))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    long leaseRenewals() {
        return byResource.getOrDefault(ApiWriteCounter.LEASES, 0L);
    }

    /** @return e.g. {@code namespaces 1,000, profiles/status 1,000}, Lease renewals left out */
    String describe() {
        String described = byResource.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(ApiWriteCounter.LEASES))
                .map(entry -> "%s %,d".formatted(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
        return described.isEmpty() ? "none" : described;
    }
}
