package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared informer per {@link ResourceType}, cluster-wide, registered with Micronaut Kubernetes' informer factory.
 * Each is built from the type's explicit group, version and plural, so nothing depends on API discovery. Reads return
 * copies: the cache itself is never changed by a caller. Cached objects keep of {@code managedFields} only who wrote
 * which top-level field ({@link ManagedFieldsSummary}).
 */
@Singleton
@Requires(beans = SharedInformerFactory.class)
public class InformerCache {

    private final SharedInformerFactory factory;
    private final ApiClient apiClient;
    private final Map<ResourceType<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();

    public InformerCache(SharedInformerFactory factory, ApiClient apiClient) {
        this.factory = factory;
        KubeJson.install();
        this.apiClient = apiClient;
    }

    /**
     * @param resync how often the informer replays every cached object as an update; zero for never. The first call
     *     for a type decides.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized <T extends KubernetesObject> SharedIndexInformer<T> informer(
            ResourceType<T> type, Duration resync) {
        SharedIndexInformer<T> existing = (SharedIndexInformer<T>) informers.get(type);
        if (existing != null) {
            return existing;
        }
        // the factory keeps one informer per Java class: a second type with the same class would get a dead one
        if (factory.getExistingSharedIndexInformer(type.apiClass()) != null) {
            throw new IllegalStateException(type + ": another informer already watches "
                    + type.apiClass().getName() + "; give every resource type its own class");
        }
        GenericKubernetesApi<T, KubernetesListObject> api = new GenericKubernetesApi(
                type.apiClass(), type.listClass(), type.group(), type.version(), type.plural(), apiClient);
        SharedIndexInformer<T> informer = factory.sharedIndexInformerFor(api, type.apiClass(), resync.toMillis());
        informer.setTransform(ManagedFieldsSummary.INSTANCE);
        informers.put(type, informer);
        return informer;
    }

    public boolean watches(ResourceType<?> type) {
        return informers.containsKey(type);
    }

    /** @return a copy of the cached object; empty when it is not cached (or its type is not watched) */
    public <T extends KubernetesObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return cached(type)
                .map(informer -> informer.getIndexer().getByKey(type.key(namespace, name)))
                .map(KubeJson::copy);
    }

    /** @return copies of every cached object of the type */
    public <T extends KubernetesObject> List<T> list(ResourceType<T> type) {
        return cached(type)
                .map(informer -> informer.getIndexer().list().stream()
                        .map(KubeJson::copy)
                        .toList())
                .orElse(List.of());
    }

    /** @return copies of the cached objects of the type in one namespace, from the informer's namespace index */
    public <T extends KubernetesObject> List<T> list(ResourceType<T> type, String namespace) {
        return cached(type)
                .map(informer -> informer.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream()
                        .map(KubeJson::copy)
                        .toList())
                .orElse(List.of());
    }

    /** @return whether every one of the types is watched and its first list has arrived */
    public boolean hasSynced(Collection<ResourceType<?>> types) {
        return types.stream()
                .allMatch(
                        type -> cached(type).map(SharedIndexInformer::hasSynced).orElse(false));
    }

    /**
     * Stops every informer's watch cleanly, so a shutdown does not interrupt them mid-watch (which client-java logs as
     * an ERROR with a stack trace for each); the factory's threads are left to the application context.
     */
    public void stop() {
        factory.stopAllRegisteredInformers(false);
    }

    /** Starts the informers not yet running; idempotent. */
    public void start() {
        factory.startAllRegisteredInformers();
    }

    @SuppressWarnings("unchecked")
    private <T extends KubernetesObject> Optional<SharedIndexInformer<T>> cached(ResourceType<T> type) {
        return Optional.ofNullable((SharedIndexInformer<T>) informers.get(type));
    }
}
