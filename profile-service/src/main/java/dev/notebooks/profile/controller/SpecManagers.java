package dev.notebooks.profile.controller;

import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Who last wrote an object's spec, as its {@code managedFields} tell: the name a kubectl change is known by. */
final class SpecManagers {

    static final String UNKNOWN = "unknown";

    /** How long a write under this service's own field manager may wait for the service's record of it. */
    static final Duration RECORD_GRACE = Duration.ofSeconds(30);

    private SpecManagers() {}

    /**
     * @return the newest write of {@code spec}; {@code managedFields} times are in seconds, so of two writes in the
     *     same second the one by someone other than {@code self} counts as the newer (this service's own writes are
     *     known from its records, not from here)
     */
    static Optional<V1ManagedFieldsEntry> newest(V1ObjectMeta metadata, String self) {
        return newest(metadata, self, "f:spec");
    }

    /** @return as {@link #newest(V1ObjectMeta, String)}, for the top-level field {@code field}, such as {@code f:subjects} */
    static Optional<V1ManagedFieldsEntry> newest(V1ObjectMeta metadata, String self, String field) {
        List<V1ManagedFieldsEntry> entries = metadata.getManagedFields();
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(entry ->
                        entry.getSubresource() == null || entry.getSubresource().isEmpty())
                .filter(entry -> entry.getManager() != null)
                .filter(entry -> Objects.toString(entry.getFieldsV1()).contains(field))
                .max(Comparator.comparing(
                                V1ManagedFieldsEntry::getTime,
                                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
                        .thenComparing(entry -> !entry.getManager().equals(self)));
    }

    /** @return the field manager of the newest write of {@code spec}, {@link #UNKNOWN} when nobody says */
    static String of(V1ObjectMeta metadata, String self) {
        return newest(metadata, self).map(V1ManagedFieldsEntry::getManager).orElse(UNKNOWN);
    }

    /** @return whether a write at {@code time} is recent enough that this service's record of it may still be coming */
    static boolean withinRecordGrace(OffsetDateTime time, Clock clock) {
        return time == null || time.toInstant().plus(RECORD_GRACE).isAfter(clock.instant());
    }
}
