package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The storage a small cluster comes with: the default class {@code standard} (a CSI driver that binds at once, expands
 * and snapshots), {@code local-path} (binds when a pod uses the claim, as k3s' and kind's local paths), and the
 * default VolumeSnapshotClass.
 */
final class StorageSeed {

    static final String STANDARD = "standard";
    static final String STANDARD_DRIVER = "hostpath.csi.k8s.io";
    static final String LOCAL_PATH = "local-path";
    static final String SNAPSHOT_CLASS = "csi-hostpath-snapclass";

    private StorageSeed() {}

    static void seed(ComponentClient setup) throws ApiError {
        setup.create(Kinds.STORAGE_CLASSES, null, storageClass(STANDARD, STANDARD_DRIVER, "Immediate", true, true));
        setup.create(
                Kinds.STORAGE_CLASSES,
                null,
                storageClass(LOCAL_PATH, "rancher.io/local-path", "WaitForFirstConsumer", false, false));
        if (setup.serves(Kinds.SNAPSHOT_CLASSES)) {
            ObjectNode snapshotClass = Json.object()
                    .put("apiVersion", "snapshot.storage.k8s.io/v1")
                    .put("kind", "VolumeSnapshotClass")
                    .put("driver", STANDARD_DRIVER)
                    .put("deletionPolicy", "Delete");
            snapshotClass
                    .putObject("metadata")
                    .put("name", SNAPSHOT_CLASS)
                    .putObject("annotations")
                    .put("snapshot.storage.kubernetes.io/is-default-class", "true");
            setup.create(Kinds.SNAPSHOT_CLASSES, null, snapshotClass);
        }
    }

    private static ObjectNode storageClass(
            String name, String provisioner, String bindingMode, boolean expandable, boolean isDefault) {
        ObjectNode storageClass = Json.object()
                .put("apiVersion", "storage.k8s.io/v1")
                .put("kind", "StorageClass")
                .put("provisioner", provisioner)
                .put("reclaimPolicy", "Delete")
                .put("volumeBindingMode", bindingMode)
                .put("allowVolumeExpansion", expandable);
        ObjectNode metadata = storageClass.putObject("metadata").put("name", name);
        if (isDefault) {
            metadata.putObject("annotations").put(VolumeAdmission.DEFAULT_CLASS, "true");
        }
        return storageClass;
    }
}
