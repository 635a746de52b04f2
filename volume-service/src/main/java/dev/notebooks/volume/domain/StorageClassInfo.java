package dev.notebooks.volume.domain;

import java.util.List;

/**
 * A storage class as users choose among them: what Kubernetes says of it, the snapshot class its driver has (if any),
 * the access modes it offers and how the admin describes it.
 *
 * @param bindingMode {@code Immediate} or {@code WaitForFirstConsumer}
 * @param snapshotClass the VolumeSnapshotClass snapshots of its volumes use, or null when its driver has none
 * @param accessModes the modes a new volume of the class may ask for
 * @param displayName the admin's name for it, else the class name
 * @param description the admin's description, or null
 */
public record StorageClassInfo(
        String name,
        String provisioner,
        boolean isDefault,
        boolean allowVolumeExpansion,
        String bindingMode,
        String reclaimPolicy,
        String snapshotClass,
        List<AccessMode> accessModes,
        String displayName,
        String description) {

    public static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";
    public static final String IMMEDIATE = "Immediate";

    public StorageClassInfo {
        accessModes = List.copyOf(accessModes);
    }

    public boolean snapshots() {
        return snapshotClass != null;
    }

    public boolean waitsForFirstConsumer() {
        return WAIT_FOR_FIRST_CONSUMER.equals(bindingMode);
    }
}
