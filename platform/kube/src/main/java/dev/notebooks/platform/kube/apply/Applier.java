package dev.notebooks.platform.kube.apply;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Create-or-update of a child object: creates it when it is missing, otherwise compares the fields the desired object
 * sets with the actual object and writes only those that differ, as one JSON merge patch bound to the resourceVersion
 * it was computed from (409 when someone wrote in between: the reconciler runs again). Writes nothing when they agree.
 * Labels, annotations, owner references and finalizers others added are kept. A field this service stops setting is
 * not removed: set it to its new value explicitly.
 */
@Singleton
public class Applier {

    private final ResourceClient client;
    private final Optional<InformerCache> informers;

    public Applier(ResourceClient client, Optional<InformerCache> informers) {
        this.client = client;
        this.informers = informers;
    }

    /** Reads the actual object from the informer cache when its type is watched, else from the API. */
    public <T extends KubernetesObject> ApplyResult<T> apply(ResourceType<T> type, T desired) throws ApiException {
        String namespace = desired.getMetadata().getNamespace();
        String name = desired.getMetadata().getName();
        Optional<T> actual = informers.isPresent() && informers.get().watches(type)
                ? informers.get().get(type, namespace, name)
                : client.get(type, namespace, name);
        return apply(type, desired, actual.orElse(null));
    }

    /** @param actual the object as it is, or null when it does not exist */
    public <T extends KubernetesObject> ApplyResult<T> apply(ResourceType<T> type, T desired, @Nullable T actual)
            throws ApiException {
        if (actual == null) {
            return new ApplyResult<>(ApplyResult.Outcome.CREATED, client.create(type, desired));
        }
        JsonObject patch = ApplyPatch.between(KubeJson.tree(actual), KubeJson.tree(desired));
        if (patch.isEmpty()) {
            return new ApplyResult<>(ApplyResult.Outcome.UNCHANGED, actual);
        }
        JsonObject metadata = patch.has("metadata") ? patch.getAsJsonObject("metadata") : new JsonObject();
        metadata.addProperty("resourceVersion", actual.getMetadata().getResourceVersion());
        patch.add("metadata", metadata);
        T written = client.mergePatch(
                type, actual.getMetadata().getNamespace(), actual.getMetadata().getName(), patch);
        return new ApplyResult<>(ApplyResult.Outcome.PATCHED, written);
    }
}
