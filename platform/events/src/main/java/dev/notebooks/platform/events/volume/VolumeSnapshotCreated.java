package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.List;

/** A snapshot of a volume became ready to use: from then on its storage exists. */
public record VolumeSnapshotCreated(
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

    public static final String TYPE = "volume.snapshot-created.v1";

    public VolumeSnapshotCreated {
        accessModes = List.copyOf(accessModes);
    }
}
