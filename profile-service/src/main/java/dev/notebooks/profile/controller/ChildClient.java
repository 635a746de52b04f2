package dev.notebooks.profile.controller;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads from the informers' cache where one watches the kind, and makes the few writes the Applier does not. */
@Singleton
class ChildClient {

    private final ResourceClient client;
    private final Optional<InformerCache> informers;

    ChildClient(ResourceClient client, Optional<InformerCache> informers) {
        this.client = client;
        this.informers = informers;
    }

    <T extends KubernetesObject> Optional<T> read(ResourceType<T> type, String namespace, String name)
            throws ApiException {
        if (informers.isPresent() && informers.get().watches(type)) {
            return informers.get().get(type, namespace, name);
        }
        return client.get(type, namespace, name);
    }

    /** @return the objects of the type in the namespace, from the informer cache (empty where no informer watches it) */
    <T extends KubernetesObject> List<T> list(ResourceType<T> type, String namespace) {
        return informers.map(cache -> cache.list(type, namespace)).orElse(List.of());
    }

    /**
     * @return the objects of the type whose controller is {@code owner}, from the informer cache's owner index (empty
     *     where no informer watches the kind)
     */
    <T extends KubernetesObject> List<T> controlledBy(ResourceType<T> type, KubernetesObject owner) {
        return informers.map(cache -> cache.controlledBy(type, owner)).orElse(List.of());
    }

    <T extends KubernetesObject> void delete(ResourceType<T> type, T object) throws ApiException {
        client.delete(
                type, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /**
     * Removes those of {@code keys} the map at {@code path} (such as {@code metadata.labels} or {@code spec.hard}) has,
     * with one merge patch bound to the object's resourceVersion: the Applier only adds and changes keys.
     *
     * @return whether anything was removed
     */
    <T extends KubernetesObject> boolean removeKeys(
            ResourceType<T> type, T object, String path, Collection<String> keys) throws ApiException {
        Map<String, ?> present = mapAt(object, path);
        List<String> removed = keys.stream().filter(present::containsKey).toList();
        if (removed.isEmpty()) {
            return false;
        }
        MergePatchBuilder patch =
                MergePatchBuilder.atResourceVersion(object.getMetadata().getResourceVersion());
        removed.forEach(key -> patch.remove(path, key));
        client.mergePatch(
                type, object.getMetadata().getNamespace(), object.getMetadata().getName(), patch.build());
        return true;
    }

    private static Map<String, ?> mapAt(KubernetesObject object, String path) {
        JsonObject node = KubeJson.tree(object);
        for (String part : path.split("\\.")) {
            if (node == null || !node.has(part) || !node.get(part).isJsonObject()) {
                return Map.of();
            }
            node = node.getAsJsonObject(part);
        }
        return node.asMap();
    }
}
