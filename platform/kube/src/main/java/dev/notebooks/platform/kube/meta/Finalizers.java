package dev.notebooks.platform.kube.meta;

import com.google.gson.JsonArray;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes a finalizer with a JSON patch of {@code metadata.finalizers} bound to the resourceVersion it was
 * computed from, so a finalizer someone else added meanwhile is never lost: the API answers 409 and the reconciler
 * runs again.
 */
@Singleton
public class Finalizers {

    private final ResourceClient client;

    public Finalizers(ResourceClient client) {
        this.client = client;
    }

    public static boolean has(KubernetesObject object, String finalizer) {
        List<String> finalizers = object.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(finalizer);
    }

    /** @return the object as written, or {@code object} itself when it already had the finalizer */
    public <T extends KubernetesObject> T add(ResourceType<T> type, T object, String finalizer) throws ApiException {
        if (has(object, finalizer)) {
            return object;
        }
        List<String> finalizers = new ArrayList<>(current(object));
        finalizers.add(finalizer);
        return write(type, object, finalizers);
    }

    /** @return the object as written, or {@code object} itself when it did not have the finalizer */
    public <T extends KubernetesObject> T remove(ResourceType<T> type, T object, String finalizer) throws ApiException {
        if (!has(object, finalizer)) {
            return object;
        }
        List<String> finalizers = new ArrayList<>(current(object));
        finalizers.remove(finalizer);
        return write(type, object, finalizers);
    }

    private static List<String> current(KubernetesObject object) {
        List<String> finalizers = object.getMetadata().getFinalizers();
        return finalizers == null ? List.of() : finalizers;
    }

    private <T extends KubernetesObject> T write(ResourceType<T> type, T object, List<String> finalizers)
            throws ApiException {
        return client.jsonPatch(
                type,
                object.getMetadata().getNamespace(),
                object.getMetadata().getName(),
                patch(object.getMetadata().getResourceVersion(), finalizers));
    }

    static JsonPatch patch(String resourceVersion, List<String> finalizers) {
        JsonArray list = new JsonArray();
        finalizers.forEach(list::add);
        return JsonPatch.atResourceVersion(resourceVersion).add("/metadata/finalizers", list);
    }
}
