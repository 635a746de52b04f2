package dev.notebooks.volume.domain;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V1StorageClassList;

/** The kinds this service reads (and the two it writes: claims and snapshots). */
public final class VolumeResources {

    public static final ResourceType<V1PersistentVolumeClaim> CLAIMS = ResourceTypes.PERSISTENT_VOLUME_CLAIM;

    public static final ResourceType<V1Pod> PODS = ResourceTypes.POD;

    public static final ResourceType<V1ResourceQuota> QUOTAS = ResourceTypes.RESOURCE_QUOTA;

    public static final ResourceType<CoreV1Event> EVENTS = ResourceTypes.EVENT;

    public static final ResourceType<V1StorageClass> STORAGE_CLASSES = ResourceType.clusterScoped(
            "storage.k8s.io", "v1", "StorageClass", "storageclasses", V1StorageClass.class, V1StorageClassList.class);

    public static final ResourceType<Notebook> NOTEBOOKS =
            ResourceType.namespaced("kubeflow.org", "v1", "Notebook", "notebooks", Notebook.class, NotebookList.class);

    public static final ResourceType<VolumeSnapshot> SNAPSHOTS = ResourceType.namespaced(
            "snapshot.storage.k8s.io",
            "v1",
            "VolumeSnapshot",
            "volumesnapshots",
            VolumeSnapshot.class,
            VolumeSnapshotList.class);

    public static final ResourceType<VolumeSnapshotClass> SNAPSHOT_CLASSES = ResourceType.clusterScoped(
            "snapshot.storage.k8s.io",
            "v1",
            "VolumeSnapshotClass",
            "volumesnapshotclasses",
            VolumeSnapshotClass.class,
            VolumeSnapshotClassList.class);

    private VolumeResources() {}
}
