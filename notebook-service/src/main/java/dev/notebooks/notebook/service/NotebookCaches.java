package dev.notebooks.notebook.service;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static dev.notebooks.notebook.domain.NotebookResources.POD_DEFAULTS;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the API reads, from the informers the reconciler runs on every replica (Notebooks, PodDefaults, and the parts of
 * pods and Events it keeps: notebooks' pods without their spec, the Notebooks' Events reduced) and two of its own
 * (ResourceQuotas, PVCs): by namespace index, never a call to the API server per request. The pod and events endpoints
 * answer whole objects and read them from the API server, as the log endpoint does and as Kubeflow's web app does.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class NotebookCaches {

    private static final List<ResourceType<?>> OWN =
            List.of(ResourceTypes.RESOURCE_QUOTA, ResourceTypes.PERSISTENT_VOLUME_CLAIM);

    private final InformerCache cache;
    private volatile boolean registered;

    NotebookCaches(InformerCache cache) {
        this.cache = cache;
    }

    /** Its own informers start with the service, so the first request does not find them loading. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onStartup(io.micronaut.context.event.StartupEvent event) {
        register();
    }

    private synchronized void register() {
        if (!registered) {
            OWN.forEach(type -> {
                if (!cache.watches(type)) {
                    cache.informer(type, Duration.ZERO);
                }
            });
            cache.start();
            registered = true;
        }
    }

    /** @throws HttpStatusException 503 while the caches load */
    public void requireSynced() {
        register();
        if (!cache.hasSynced(List.of(
                NOTEBOOKS,
                ResourceTypes.POD,
                ResourceTypes.EVENT,
                POD_DEFAULTS,
                ResourceTypes.RESOURCE_QUOTA,
                ResourceTypes.PERSISTENT_VOLUME_CLAIM))) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The notebook caches are still loading");
        }
    }

    public List<Notebook> notebooks(String namespace) {
        return inNamespace(NOTEBOOKS, namespace);
    }

    public Optional<Notebook> notebook(String namespace, String name) {
        return cache.get(NOTEBOOKS, namespace, name);
    }

    public List<CoreV1Event> events(String namespace) {
        return inNamespace(ResourceTypes.EVENT, namespace);
    }

    public List<V1Pod> pods(String namespace) {
        return inNamespace(ResourceTypes.POD, namespace);
    }

    public List<PodDefault> podDefaults(String namespace) {
        return inNamespace(POD_DEFAULTS, namespace);
    }

    public List<V1ResourceQuota> quotas(String namespace) {
        return inNamespace(ResourceTypes.RESOURCE_QUOTA, namespace);
    }

    public List<V1PersistentVolumeClaim> claims(String namespace) {
        return inNamespace(ResourceTypes.PERSISTENT_VOLUME_CLAIM, namespace);
    }

    private <T extends KubernetesObject> List<T> inNamespace(ResourceType<T> type, String namespace) {
        if (!cache.watches(type)) {
            return List.of();
        }
        SharedIndexInformer<T> informer = cache.informer(type, Duration.ZERO);
        return informer.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream()
                .map(KubeJson::copy)
                .toList();
    }
}
