package dev.notebooks.volume.service;

import dev.notebooks.volume.domain.VolumeSnapshot;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/**
 * A snapshot as users see it.
 *
 * @param volume the claim it was taken from
 * @param phase {@code ready}, {@code waiting} (not ready yet) or {@code warning} (the driver reported an error)
 * @param size {@code status.restoreSize}: what a restore needs at least; null until the driver tells
 */
@Serdeable
public record SnapshotItem(
        String name,
        String namespace,
        String volume,
        boolean readyToUse,
        String phase,
        String size,
        String snapshotClass,
        OffsetDateTime createdAt,
        String error) {

    static SnapshotItem of(VolumeSnapshot snapshot) {
        String phase = snapshot.errorMessage() != null ? "warning" : snapshot.readyToUse() ? "ready" : "waiting";
        return new SnapshotItem(
                snapshot.name(),
                snapshot.namespace(),
                snapshot.sourceClaim(),
                snapshot.readyToUse(),
                phase,
                snapshot.restoreSize(),
                snapshot.snapshotClass(),
                snapshot.getMetadata().getCreationTimestamp(),
                snapshot.errorMessage());
    }
}
