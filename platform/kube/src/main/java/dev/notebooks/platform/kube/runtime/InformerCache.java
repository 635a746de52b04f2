package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One shared informer per {@link ResourceType}, cluster-wide, registered with the service's informer factory.
 * Each is built from the type's explicit group, version and plural, so nothing depends on API discovery. Reads return
 * copies: the cache itself is never changed by a caller. Every informer indexes its objects by the uid of their
 * controller (the owner reference with {@code controller: true}), so a reconciler finds the children an owner controls
 * from the cache, as Kubeflow's notebooks-v2 controller does, instead of guessing their names. A {@link Projection}'s
 * target gets an informer of its own, scoped to the target's namespace and name, which this cache runs beside the
 * factory's; so does a kind of which the service keeps only a part ({@link CachedPart}). Cached objects keep of
 * {@code managedFields} only who wrote which top-level field ({@link ManagedFieldsSummary}; Events and pods nothing),
 * and no kubectl last-applied-configuration ({@link LastAppliedDropped}); they are stored compactly
 * ({@link CacheCompaction}), which is why no caller may change them.
 */
@Singleton
@Requires(beans = SharedInformerFactory.class)
public class InformerCache {

    /** The index of cached objects by their controller's uid. */
    public static final String CONTROLLER_UID_INDEX = "controller-uid";

    // an Event is written once by whoever reports it, and a pod by its controller and kubelet: no service asks who
    private static final Set<ResourceType<?>> WRITERS_NEVER_ASKED = Set.of(ResourceTypes.EVENT, ResourceTypes.POD);

    private final SharedInformerFactory factory;
    private final ApiClient apiClient;
    private final Map<ResourceType<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private final Map<ResourceType<?>, CachedPart<?>> parts;
    private final Map<ProjectionTarget<?>, SharedIndexInformer<?>> targets = new ConcurrentHashMap<>();
    // the informers this cache runs itself, beside the factory's: projection targets and kept parts
    private final List<SharedIndexInformer<?>> own = new CopyOnWriteArrayList<>();
    private boolean running;

    public InformerCache(SharedInformerFactory factory, ApiClient apiClient, List<CachedPart<?>> parts) {
        this.factory = factory;
        KubeJson.install();
        this.apiClient = apiClient;
        this.parts = parts.stream().collect(Collectors.toUnmodifiableMap(CachedPart::type, part -> part));
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
        CachedPart<T> part = (CachedPart<T>) parts.get(type);
        SharedIndexInformer<T> informer = part == null
                ? factory.sharedIndexInformerFor(api, type.apiClass(), resync.toMillis())
                : new DefaultSharedIndexInformer<>(
                        type.apiClass(),
                        new ScopedListerWatcher<>(api, null, Optional.empty()),
                        resync.toMillis(),
                        new SubsetCache<>(part::keeps));
        informer.addIndexers(Map.of(CONTROLLER_UID_INDEX, InformerCache::controllerUid));
        informer.setTransform(cachedForm(type, part));
        informers.put(type, informer);
        if (part != null) {
            // like the factory's, it runs from the next start(), so its users can add indexers and handlers first
            own.add(informer);
        }
        return informer;
    }

    /** What the cache keeps of an object of the type. */
    static TransformFunc cachedForm(ResourceType<?> type) {
        return cachedForm(type, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TransformFunc cachedForm(ResourceType<?> type, CachedPart part) {
        TransformFunc writers = WRITERS_NEVER_ASKED.contains(type)
                ? WriterHistoryDropped.INSTANCE
                : object -> LastAppliedDropped.INSTANCE.transform(ManagedFieldsSummary.INSTANCE.transform(object));
        TransformFunc read = part == null ? object -> object : object -> part.form(object);
        return object -> CacheCompaction.INSTANCE.transform(writers.transform(read.transform(object)));
    }

    /**
     * @return the informer of a projection's target: it lists and watches only the target (never the whole cluster),
     *     without resync; one per target, started with the others
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized <T extends KubernetesObject> SharedIndexInformer<T> informer(ProjectionTarget<T> target) {
        SharedIndexInformer<T> existing = (SharedIndexInformer<T>) targets.get(target);
        if (existing != null) {
            return existing;
        }
        ResourceType<T> type = target.type();
        GenericKubernetesApi<T, KubernetesListObject> api = new GenericKubernetesApi(
                type.apiClass(), type.listClass(), type.group(), type.version(), type.plural(), apiClient);
        SharedIndexInformer<T> informer =
                runOwn(new DefaultSharedIndexInformer<>(type.apiClass(), ScopedListerWatcher.of(api, target), 0));
        targets.put(target, informer);
        return informer;
    }

    private <T extends KubernetesObject> SharedIndexInformer<T> runOwn(SharedIndexInformer<T> informer) {
        own.add(informer);
        if (running) {
            informer.run();
        }
        return informer;
    }

    public boolean watches(ResourceType<?> type) {
        return informers.containsKey(type);
    }

    /** @return whether the object is cached, without copying it */
    public <T extends KubernetesObject> boolean contains(ResourceType<T> type, String namespace, String name) {
        return cached(type)
                .map(informer -> informer.getIndexer().getByKey(type.key(namespace, name)) != null)
                .orElse(false);
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

    /**
     * @return copies of the cached objects of the type whose controller is {@code owner} (matched by uid, so an earlier
     *     owner of the same name does not count), from the controller index
     */
    public <T extends KubernetesObject> List<T> controlledBy(ResourceType<T> type, KubernetesObject owner) {
        String uid = owner.getMetadata() == null ? null : owner.getMetadata().getUid();
        if (uid == null) {
            return List.of();
        }
        return cached(type)
                .map(informer -> informer.getIndexer().byIndex(CONTROLLER_UID_INDEX, uid).stream()
                        .map(KubeJson::copy)
                        .toList())
                .orElse(List.of());
    }

    private static List<String> controllerUid(KubernetesObject object) {
        List<V1OwnerReference> references =
                object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
        if (references == null) {
            return List.of();
        }
        return references.stream()
                .filter(reference -> Boolean.TRUE.equals(reference.getController()) && reference.getUid() != null)
                .map(V1OwnerReference::getUid)
                .toList();
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
    public synchronized void stop() {
        running = false;
        factory.stopAllRegisteredInformers(false);
        own.forEach(SharedIndexInformer::stop);
    }

    /** Starts the informers not yet running; idempotent. */
    public synchronized void start() {
        factory.startAllRegisteredInformers();
        running = true;
        // run() starts the informer's threads and returns; it does nothing for one already running
        own.forEach(SharedIndexInformer::run);
    }

    @SuppressWarnings("unchecked")
    private <T extends KubernetesObject> Optional<SharedIndexInformer<T>> cached(ResourceType<T> type) {
        return Optional.ofNullable((SharedIndexInformer<T>) informers.get(type));
    }
}
