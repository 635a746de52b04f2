package dev.notebooks.volume.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;

/** A CSI driver's {@code snapshot.storage.k8s.io/v1} VolumeSnapshotClass (cluster-scoped). */
public class VolumeSnapshotClass implements KubernetesObject {

    /** The annotation that makes a class its driver's default. */
    public static final String DEFAULT_ANNOTATION = "snapshot.storage.kubernetes.io/is-default-class";

    private String apiVersion = "snapshot.storage.k8s.io/v1";
    private String kind = "VolumeSnapshotClass";
    private V1ObjectMeta metadata;
    private String driver;
    private String deletionPolicy;

    public static VolumeSnapshotClass of(String name, String driver, boolean isDefault) {
        VolumeSnapshotClass snapshotClass = new VolumeSnapshotClass();
        snapshotClass.metadata = new V1ObjectMeta().name(name);
        if (isDefault) {
            snapshotClass.metadata.setAnnotations(Map.of(DEFAULT_ANNOTATION, "true"));
        }
        snapshotClass.driver = driver;
        snapshotClass.deletionPolicy = "Delete";
        return snapshotClass;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public String name() {
        return metadata.getName();
    }

    public String driver() {
        return driver;
    }

    public String deletionPolicy() {
        return deletionPolicy;
    }

    public boolean isDefault() {
        Map<String, String> annotations = metadata.getAnnotations();
        return annotations != null && "true".equals(annotations.get(DEFAULT_ANNOTATION));
    }
}
