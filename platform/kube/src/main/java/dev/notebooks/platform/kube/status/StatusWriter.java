package dev.notebooks.platform.kube.status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a resource's {@code status} only when it differs from what the resource (as read) already has, so a steady
 * state writes nothing. The write replaces the whole status through the {@code /status} subresource with a JSON patch
 * bound to the resourceVersion it was computed from (a stale read gets 409 and the reconciler runs again).
 */
@Singleton
public class StatusWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final ResourceClient client;

    public StatusWriter(ResourceClient client) {
        this.client = client;
    }

    /**
     * @param resource the resource as read, with the status it has now
     * @param status the status it should have, of the resource's own status class
     * @return whether anything was written
     */
    public <T extends KubernetesObject> boolean write(ResourceType<T> type, T resource, Object status)
            throws ApiException {
        JsonObject current = asObject(KubeJson.tree(resource).get("status"));
        JsonObject next = asObject(status == null ? null : KubeJson.element(status));
        if (current.equals(next)) {
            return false;
        }
        JsonPatch patch = patch(resource.getMetadata().getResourceVersion(), next);
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        try {
            client.jsonPatchStatus(type, namespace, name, patch);
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            // the one fallback: a CRD without the status subresource keeps status in the object itself
            LOG.debug("{} has no /status subresource, patching the object", type);
            client.jsonPatch(type, namespace, name, patch);
        }
        return true;
    }

    static JsonPatch patch(String resourceVersion, JsonObject status) {
        return JsonPatch.atResourceVersion(resourceVersion).add("/status", status);
    }

    private static JsonObject asObject(JsonElement status) {
        return status == null || !status.isJsonObject() ? new JsonObject() : status.getAsJsonObject();
    }
}
