package dev.notebooks.notebook.domain.children;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A list of {@link VirtualServiceResource}s as the API returns it. */
public class VirtualServiceList implements KubernetesListObject {

    private String apiVersion;
    private String kind;
    private V1ListMeta metadata;
    private List<VirtualServiceResource> items;

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
    public List<VirtualServiceResource> getItems() {
        return items == null ? List.of() : items;
    }
}
