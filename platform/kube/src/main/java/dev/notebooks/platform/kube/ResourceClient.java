package dev.notebooks.platform.kube;

import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Call;

/**
 * Reads and writes single objects of any {@link ResourceType} by its explicit REST path. Writes carry the service's
 * {@code fieldManager}. Patches are JSON merge patches and JSON patches, which the test API double and every real API
 * server understand alike; never server-side apply or strategic merge patch. (client-java's GenericKubernetesApi, which
 * the informers use to list and watch, can write status only as a JSON patch "replace", which fails while there is no
 * status yet.)
 */
@Singleton
public class ResourceClient {

    private static final String JSON = "application/json";
    private static final String[] AUTH_NAMES = {"BearerToken"};

    private final ApiClient apiClient;
    private final String fieldManager;

    public ResourceClient(ApiClient apiClient, KubeConfiguration configuration) {
        this.apiClient = apiClient;
        KubeJson.install();
        this.fieldManager = configuration.getFieldManager();
    }

    /** @return the object, or empty when it does not exist */
    public <T extends KubernetesObject> Optional<T> get(ResourceType<T> type, String namespace, String name)
            throws ApiException {
        try {
            return Optional.of(execute(type, "GET", type.path(namespace, name), List.of(), null, null));
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates the object; its {@code apiVersion} and {@code kind} come from the type, whatever the object says. */
    public <T extends KubernetesObject> T create(ResourceType<T> type, T object) throws ApiException {
        JsonObject body = KubeJson.tree(object);
        body.addProperty("apiVersion", type.apiVersion());
        body.addProperty("kind", type.kind());
        String path = type.collectionPath(object.getMetadata().getNamespace());
        return execute(type, "POST", path, withFieldManager(), body, JSON);
    }

    public <T extends KubernetesObject> T mergePatch(
            ResourceType<T> type, String namespace, String name, JsonObject patch) throws ApiException {
        return execute(
                type,
                "PATCH",
                type.path(namespace, name),
                withFieldManager(),
                new V1Patch(patch.toString()),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH);
    }

    public <T extends KubernetesObject> T jsonPatch(
            ResourceType<T> type, String namespace, String name, JsonPatch patch) throws ApiException {
        return execute(
                type,
                "PATCH",
                type.path(namespace, name),
                withFieldManager(),
                new V1Patch(patch.toString()),
                V1Patch.PATCH_FORMAT_JSON_PATCH);
    }

    /**
     * A JSON patch of the {@code /status} subresource, where the API server takes only {@code status} from the patched
     * object.
     */
    public <T extends KubernetesObject> T jsonPatchStatus(
            ResourceType<T> type, String namespace, String name, JsonPatch patch) throws ApiException {
        return execute(
                type,
                "PATCH",
                type.path(namespace, name) + "/status",
                withFieldManager(),
                new V1Patch(patch.toString()),
                V1Patch.PATCH_FORMAT_JSON_PATCH);
    }

    /** @return whether there was something to delete */
    public boolean delete(ResourceType<?> type, String namespace, String name) throws ApiException {
        try {
            Call call = call("DELETE", type.path(namespace, name), List.of(), null, null);
            apiClient.execute(call);
            return true;
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private List<Pair> withFieldManager() {
        return List.of(new Pair("fieldManager", fieldManager));
    }

    private <T extends KubernetesObject> T execute(
            ResourceType<T> type, String method, String path, List<Pair> query, Object body, String contentType)
            throws ApiException {
        return apiClient
                .<T>execute(call(method, path, query, body, contentType), type.apiClass())
                .getData();
    }

    private Call call(String method, String path, List<Pair> query, Object body, String contentType)
            throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", JSON);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return apiClient.buildCall(
                null,
                path,
                method,
                query,
                List.of(),
                body,
                headers,
                new HashMap<>(),
                new HashMap<>(),
                AUTH_NAMES,
                null);
    }
}
