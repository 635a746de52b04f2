package dev.notebooks.volume.domain;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A list of {@link VolumeSnapshotClass}, as the API server answers a list or watch. */
public class VolumeSnapshotClassList implements KubernetesListObject {

    private String apiVersion;
    private String kind;
    private V1ListMeta metadata;
    private List<VolumeSnapshotClass> items;

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ListMeta getMetadata() {
        return metadata;
    }

    @Override
    public List<VolumeSnapshotClass> getItems() {
        return items == null ? List.of() : items;
    }
}
