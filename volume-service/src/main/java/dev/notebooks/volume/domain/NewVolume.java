package dev.notebooks.volume.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1TypedLocalObjectReference;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * A volume to create, as VWA's form describes it, checked for shape (not yet against the cluster).
 *
 * @param size a Kubernetes quantity; null for a restore that takes the snapshot's size
 * @param snapshot the VolumeSnapshot to restore from, or null for an empty volume
 */
public record NewVolume(String name, String size, AccessMode mode, ClassChoice storageClass, String snapshot) {

    /** VWA's {@code type} of an empty volume, the only one its frontend sends. */
    public static final String EMPTY = "empty";

    /** This service's {@code type} of a volume restored from a snapshot (named by {@code snapshot}). */
    public static final String SNAPSHOT = "snapshot";

    /** The claim, with the size given (or the snapshot's), and the annotations that say who made it. */
    public V1PersistentVolumeClaim claim(String namespace, String effectiveSize, Map<String, String> annotations) {
        V1PersistentVolumeClaimSpec spec = new V1PersistentVolumeClaimSpec()
                .accessModes(List.of(mode.kubernetesName()))
                .resources(new V1VolumeResourceRequirements()
                        .requests(Map.of(Claims.STORAGE, Quantity.fromString(effectiveSize))));
        if (!storageClass.isDefault()) {
            spec.storageClassName(storageClass.name());
        }
        if (snapshot != null) {
            spec.dataSource(new V1TypedLocalObjectReference()
                    .apiGroup("snapshot.storage.k8s.io")
                    .kind(VolumeSnapshot.KIND)
                    .name(snapshot));
        }
        return new V1PersistentVolumeClaim()
                .apiVersion("v1")
                .kind("PersistentVolumeClaim")
                .metadata(new V1ObjectMeta().name(name).namespace(namespace).annotations(annotations))
                .spec(spec);
    }
}
