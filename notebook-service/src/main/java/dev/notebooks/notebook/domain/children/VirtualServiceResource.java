package dev.notebooks.notebook.domain.children;

import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Istio's {@code networking.istio.io/v1alpha3} VirtualService, its spec as plain JSON (only compared and written whole). */
public class VirtualServiceResource implements KubernetesObject {

    private String apiVersion = NotebookVirtualServiceObject.API_VERSION;
    private String kind = NotebookVirtualServiceObject.KIND;
    private V1ObjectMeta metadata;
    private JsonObject spec;

    public static VirtualServiceResource of(V1ObjectMeta metadata, JsonObject spec) {
        VirtualServiceResource virtualService = new VirtualServiceResource();
        virtualService.metadata = metadata;
        virtualService.spec = spec;
        return virtualService;
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

    public JsonObject getSpec() {
        return spec;
    }
}
