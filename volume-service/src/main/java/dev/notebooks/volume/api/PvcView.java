package dev.notebooks.volume.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.notebooks.volume.service.NotebookUse;
import dev.notebooks.volume.service.VolumeItem;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * VWA's list item ({@code apps/default/routes/get.py}), plus {@code requested}, {@code usedBy} (the notebooks with
 * whether each is stopped), {@code pods} and {@code snapshots}.
 *
 * @param notebooks VWA's: the names of the notebooks that mount it, running or stopped
 * @param viewer VWA's PVC viewer state; viewers are not offered here, so always {@code uninitialized}
 */
@Serdeable
record PvcView(
        String name,
        String namespace,
        Status status,
        OffsetDateTime age,
        String capacity,
        String requested,
        List<String> modes,
        @JsonProperty("class") String storageClass,
        List<String> notebooks,
        List<NotebookUse> usedBy,
        List<String> pods,
        int snapshots,
        Viewer viewer) {

    @Serdeable
    record Status(String phase, String message, String state) {}

    @Serdeable
    record Viewer(String status, String url) {}

    static PvcView of(VolumeItem item) {
        return new PvcView(
                item.name(),
                item.namespace(),
                new Status(
                        item.status().phase(),
                        item.status().message(),
                        item.status().state()),
                item.age(),
                item.capacity(),
                item.requested(),
                item.modes(),
                item.storageClass(),
                item.notebooks().stream().map(NotebookUse::name).toList(),
                item.notebooks(),
                item.pods(),
                item.snapshots(),
                new Viewer("uninitialized", null));
    }
}
