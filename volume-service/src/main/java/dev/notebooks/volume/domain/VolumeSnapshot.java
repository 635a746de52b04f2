package dev.notebooks.volume.domain;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;

/** The CSI snapshot controller's {@code snapshot.storage.k8s.io/v1} VolumeSnapshot of a claim. */
public class VolumeSnapshot implements KubernetesObject {

    public static final String API_VERSION = "snapshot.storage.k8s.io/v1";
    public static final String KIND = "VolumeSnapshot";

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private V1ObjectMeta metadata;
    private Spec spec;
    private Status status;

    /** @param volumeSnapshotClassName null for the driver's default class */
    public record Spec(Source source, String volumeSnapshotClassName) {}

    public record Source(String persistentVolumeClaimName, String volumeSnapshotContentName) {}

    public record Status(
            String boundVolumeSnapshotContentName,
            OffsetDateTime creationTime,
            Boolean readyToUse,
            String restoreSize,
            Error error) {}

    public record Error(String message, OffsetDateTime time) {}

    public static VolumeSnapshot of(String namespace, String name, String claim, String snapshotClass) {
        VolumeSnapshot snapshot = new VolumeSnapshot();
        snapshot.metadata = new V1ObjectMeta().namespace(namespace).name(name);
        snapshot.spec = new Spec(new Source(claim, null), snapshotClass);
        return snapshot;
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

    public VolumeSnapshot metadata(V1ObjectMeta metadata) {
        this.metadata = metadata;
        return this;
    }

    public Spec getSpec() {
        return spec;
    }

    public Status getStatus() {
        return status;
    }

    public VolumeSnapshot status(Status status) {
        this.status = status;
        return this;
    }

    public String name() {
        return metadata.getName();
    }

    public String namespace() {
        return metadata.getNamespace();
    }

    /** @return the claim it was taken from, or null for a snapshot of a pre-provisioned content */
    public String sourceClaim() {
        return spec == null || spec.source() == null ? null : spec.source().persistentVolumeClaimName();
    }

    public String snapshotClass() {
        return spec == null ? null : spec.volumeSnapshotClassName();
    }

    public boolean readyToUse() {
        return status != null && Boolean.TRUE.equals(status.readyToUse());
    }

    /** @return {@code status.restoreSize}, or null before the driver reported it */
    public String restoreSize() {
        return status == null ? null : status.restoreSize();
    }

    /** @return the driver's error message, or null */
    public String errorMessage() {
        return status == null || status.error() == null ? null : status.error().message();
    }
}
