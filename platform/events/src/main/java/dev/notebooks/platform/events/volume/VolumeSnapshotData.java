package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * What every snapshot event says about a CSI {@code VolumeSnapshot} (snapshot.storage.k8s.io/v1) of a volume: what
 * snapshot storage metering needs.
 */
public interface VolumeSnapshotData extends EventData {

    String namespace();

    /** The VolumeSnapshot's name. */
    String name();

    /** The PersistentVolumeClaim it was taken from. */
    String volume();

    /** The size a volume restored from it needs ({@code status.restoreSize}), else the source's requested size. */
    String size();

    /** The source volume's storage class, or null when it named none. */
    String storageClass();

    /** The source volume's access modes. */
    List<String> accessModes();

    /** The VolumeSnapshotClass, or null when the cluster's default applies. */
    String snapshotClass();

    /** When the snapshot was first seen ready to use; null if it never was. */
    Instant readyAt();
}
