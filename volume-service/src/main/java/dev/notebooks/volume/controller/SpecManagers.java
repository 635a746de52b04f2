package dev.notebooks.volume.controller;

import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Who last wrote an object's spec, as its {@code managedFields} tell: how a kubectl or service write is named. */
final class SpecManagers {

    static final String UNKNOWN = "unknown";

    private SpecManagers() {}

    /** @return the field manager of the newest write of {@code spec} by someone other than {@code self} */
    static String of(V1ObjectMeta metadata, String self) {
        List<V1ManagedFieldsEntry> entries = metadata.getManagedFields();
        if (entries == null) {
            return UNKNOWN;
        }
        return entries.stream()
                .filter(entry ->
                        entry.getSubresource() == null || entry.getSubresource().isEmpty())
                .filter(entry ->
                        entry.getManager() != null && !entry.getManager().equals(self))
                .filter(entry -> Objects.toString(entry.getFieldsV1()).contains("f:spec"))
                .max(Comparator.comparing(
                        V1ManagedFieldsEntry::getTime,
                        Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())))
                .map(V1ManagedFieldsEntry::getManager)
                .orElse(UNKNOWN);
    }
}
