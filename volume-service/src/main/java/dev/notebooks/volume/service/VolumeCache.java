package dev.notebooks.volume.service;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.Notebook;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.domain.VolumeSnapshotClass;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V1Volume;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the API and the reconciler read, from shared informers, so that listing never calls the API server:
 * claims, the Notebooks and pods that mount them, their Events, quotas, storage and snapshot classes, snapshots. Of
 * pods and Events it keeps only those ({@link PodsMountingClaims}, {@link EventsAboutClaims}). Each is indexed by what
 * it is about ({@code namespace/claim}). Made with the application context so its indexes exist
 * before any informer starts. Objects read here are the caches' own: read, never change them.
 */
@Context
@Requires(env = Environment.KUBERNETES)
public class VolumeCache {

    static final String BY_CLAIM = "claim";
    private static final String CLAIM_KIND = "PersistentVolumeClaim";

    private final InformerCache informers;
    private final SharedIndexInformer<V1PersistentVolumeClaim> claims;
    private final SharedIndexInformer<Notebook> notebooks;
    private final SharedIndexInformer<V1Pod> pods;
    private final SharedIndexInformer<CoreV1Event> events;
    private final SharedIndexInformer<V1ResourceQuota> quotas;
    private final SharedIndexInformer<V1StorageClass> storageClasses;
    private final SharedIndexInformer<VolumeSnapshot> snapshots;
    private final SharedIndexInformer<VolumeSnapshotClass> snapshotClasses;

    VolumeCache(InformerCache informers, KubeConfiguration configuration) {
        this.informers = informers;
        Duration resync = configuration.getResyncPeriod();
        // the reconcilers' primary kinds take the resync period; the first to ask for an informer decides it
        claims = informers.informer(VolumeResources.CLAIMS, resync);
        snapshots = informers.informer(VolumeResources.SNAPSHOTS, resync);
        notebooks = informers.informer(VolumeResources.NOTEBOOKS, Duration.ZERO);
        pods = informers.informer(VolumeResources.PODS, Duration.ZERO);
        events = informers.informer(VolumeResources.EVENTS, Duration.ZERO);
        quotas = informers.informer(VolumeResources.QUOTAS, Duration.ZERO);
        storageClasses = informers.informer(VolumeResources.STORAGE_CLASSES, Duration.ZERO);
        snapshotClasses = informers.informer(VolumeResources.SNAPSHOT_CLASSES, Duration.ZERO);
        notebooks.addIndexers(Map.of(BY_CLAIM, notebook -> keys(notebook.namespace(), notebook.claimNames())));
        pods.addIndexers(Map.of(BY_CLAIM, pod -> keys(pod.getMetadata().getNamespace(), claimsOf(pod))));
        events.addIndexers(Map.of(BY_CLAIM, VolumeCache::claimOf));
        snapshots.addIndexers(Map.of(
                BY_CLAIM,
                snapshot -> snapshot.sourceClaim() == null
                        ? List.of()
                        : List.of(key(snapshot.namespace(), snapshot.sourceClaim()))));
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Starts the informers not running yet (the reconcilers start theirs on startup too). */
    void start() {
        informers.start();
    }

    public boolean hasSynced() {
        return claims.hasSynced()
                && notebooks.hasSynced()
                && pods.hasSynced()
                && events.hasSynced()
                && quotas.hasSynced()
                && storageClasses.hasSynced()
                && snapshots.hasSynced()
                && snapshotClasses.hasSynced();
    }

    /** @throws HttpStatusException 503 while a cache is still loading */
    public void requireSynced() {
        if (!hasSynced()) {
            start();
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The volume caches are still loading");
        }
    }

    public List<V1PersistentVolumeClaim> claims(String namespace) {
        return claims.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace);
    }

    public List<V1PersistentVolumeClaim> allClaims() {
        return claims.getIndexer().list();
    }

    public Optional<V1PersistentVolumeClaim> claim(String namespace, String name) {
        return Optional.ofNullable(claims.getIndexer().getByKey(key(namespace, name)));
    }

    /** Whether the cache still holds this very claim: not gone, and not replaced by a new one of the same name. */
    public boolean holds(V1PersistentVolumeClaim claim) {
        return sameObject(claim(Claims.namespace(claim), Claims.name(claim)), claim);
    }

    /** The Notebooks whose pod template mounts the claim, running or stopped. */
    public List<Notebook> notebooksUsing(String namespace, String claim) {
        return notebooks.getIndexer().byIndex(BY_CLAIM, key(namespace, claim));
    }

    public List<V1Pod> podsUsing(String namespace, String claim) {
        return pods.getIndexer().byIndex(BY_CLAIM, key(namespace, claim));
    }

    public List<CoreV1Event> eventsOf(String namespace, String claim) {
        return events.getIndexer().byIndex(BY_CLAIM, key(namespace, claim));
    }

    public List<V1ResourceQuota> quotas(String namespace) {
        return quotas.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace);
    }

    public List<V1StorageClass> storageClasses() {
        return storageClasses.getIndexer().list();
    }

    public Optional<V1StorageClass> storageClass(String name) {
        return Optional.ofNullable(storageClasses.getIndexer().getByKey(name));
    }

    public List<VolumeSnapshotClass> snapshotClasses() {
        return snapshotClasses.getIndexer().list();
    }

    public List<VolumeSnapshot> snapshots(String namespace) {
        return snapshots.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace);
    }

    public List<VolumeSnapshot> allSnapshots() {
        return snapshots.getIndexer().list();
    }

    public List<VolumeSnapshot> snapshotsOf(String namespace, String claim) {
        return snapshots.getIndexer().byIndex(BY_CLAIM, key(namespace, claim));
    }

    public Optional<VolumeSnapshot> snapshot(String namespace, String name) {
        return Optional.ofNullable(snapshots.getIndexer().getByKey(key(namespace, name)));
    }

    public boolean holds(VolumeSnapshot snapshot) {
        return sameObject(snapshot(snapshot.namespace(), snapshot.name()), snapshot);
    }

    private static boolean sameObject(Optional<? extends KubernetesObject> cached, KubernetesObject object) {
        String uid = object.getMetadata().getUid();
        return cached.filter(current -> uid.equals(current.getMetadata().getUid()))
                .isPresent();
    }

    /** The informer of a kind this cache watches, for a controller's event handlers. */
    @SuppressWarnings("unchecked")
    public <T extends KubernetesObject> SharedIndexInformer<T> informer(ResourceType<T> type) {
        if (type.equals(VolumeResources.CLAIMS)) {
            return (SharedIndexInformer<T>) claims;
        }
        if (type.equals(VolumeResources.SNAPSHOTS)) {
            return (SharedIndexInformer<T>) snapshots;
        }
        throw new IllegalArgumentException(type + " has no handlers here");
    }

    static List<String> claimsOf(V1Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
            return List.of();
        }
        return pod.getSpec().getVolumes().stream()
                .map(V1Volume::getPersistentVolumeClaim)
                .filter(Objects::nonNull)
                .map(source -> source.getClaimName())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    static List<String> claimOf(CoreV1Event event) {
        var involved = event.getInvolvedObject();
        if (involved == null || !CLAIM_KIND.equals(involved.getKind()) || involved.getName() == null) {
            return List.of();
        }
        String namespace = involved.getNamespace() != null
                ? involved.getNamespace()
                : event.getMetadata().getNamespace();
        return List.of(key(namespace, involved.getName()));
    }

    private static List<String> keys(String namespace, List<String> claims) {
        return claims.stream().map(claim -> key(namespace, claim)).toList();
    }
}
