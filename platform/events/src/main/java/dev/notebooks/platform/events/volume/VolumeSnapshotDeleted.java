package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.List;

/** A snapshot whose creation was announced was deleted. */
public record VolumeSnapshotDeleted(
        Actor actor,
        String namespace,
        String name,
        String volume,
        String size,
        String storageClass,
        List<String> accessModes,
        String snapshotClass,
        Instant readyAt)
        implements VolumeSnapshotData {

    public static final String TYPE = "volume.snapshot-deleted.v1";

    public VolumeSnapshotDeleted {
        accessModes = List.copyOf(accessModes);
    }
}
