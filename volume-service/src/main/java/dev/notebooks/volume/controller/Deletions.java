package dev.notebooks.volume.controller;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.runtime.LeaderOnly;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.events.VolumeAnnouncer;
import dev.notebooks.volume.service.VolumeCache;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces deleted claims and snapshots: at once from the informers' delete notifications (the reconcile loop never
 * sees an object that is gone), and by a sweep when this replica starts leading and at every resync period, for
 * deletions made while no replica was watching. A notification whose announcement failed (PostgreSQL away) is tried
 * again every second with the object's final state, so who deleted it is not lost. The leader only.
 */
@Context
@Requires(env = Environment.KUBERNETES)
class Deletions implements LeaderOnly {

    private static final Logger LOG = LoggerFactory.getLogger(Deletions.class);

    private final VolumeAnnouncer announcer;
    private final VolumeCache cache;
    private final Duration sweepInterval;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean sweepPending = new AtomicBoolean();
    private volatile long lastSweep = System.nanoTime();
    private Set<String> missingAtLastSweep = Set.of();
    private final Map<String, Runnable> failed = new ConcurrentHashMap<>();

    Deletions(VolumeAnnouncer announcer, VolumeCache cache, KubeConfiguration configuration) {
        this.announcer = announcer;
        this.cache = cache;
        this.sweepInterval =
                configuration.getResyncPeriod().isZero() ? Duration.ofMinutes(10) : configuration.getResyncPeriod();
        cache.<V1PersistentVolumeClaim>informer(VolumeResources.CLAIMS)
                .addEventHandler(onDelete(claim -> announcer.claimDeleted(claim, SpecManagers.UNKNOWN)));
        cache.<VolumeSnapshot>informer(VolumeResources.SNAPSHOTS)
                .addEventHandler(onDelete(snapshot -> announcer.snapshotDeleted(snapshot, SpecManagers.UNKNOWN)));
    }

    @Override
    public void onStartedLeading() {
        sweepPending.set(true);
        leading.set(true);
    }

    @Override
    public void onStoppedLeading() {
        leading.set(false);
    }

    /** Sweeps when this replica starts leading and then every resync period (deletions are normally seen at once). */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void sweepIfDue() {
        if (!leading.get() || !cache.hasSynced()) {
            return;
        }
        retryFailed();
        boolean due = System.nanoTime() - lastSweep > sweepInterval.toNanos();
        boolean catchingUp = sweepPending.getAndSet(false);
        if (!catchingUp && !due) {
            return;
        }
        lastSweep = System.nanoTime();
        Set<String> claims = cache.allClaims().stream()
                .map(claim -> VolumeCache.key(Claims.namespace(claim), Claims.name(claim)))
                .collect(Collectors.toSet());
        Set<String> snapshots = cache.allSnapshots().stream()
                .map(snapshot -> VolumeCache.key(snapshot.namespace(), snapshot.name()))
                .collect(Collectors.toSet());
        // when it starts leading, nothing was watching; later, what just went is its delete handler's to announce
        VolumeAnnouncer.Sweep sweep = announcer.sweep(claims, snapshots, catchingUp ? null : missingAtLastSweep);
        missingAtLastSweep = sweep.deferred();
        if (sweep.announced() > 0) {
            LOG.info("Announced {} deletions made while this replica was not watching", sweep.announced());
        }
    }

    private void retryFailed() {
        failed.forEach((uid, announce) -> {
            try {
                announce.run();
                failed.remove(uid, announce);
            } catch (RuntimeException e) {
                LOG.debug("Announcing a deletion failed again", e);
            }
        });
    }

    private <T extends io.kubernetes.client.common.KubernetesObject> ResourceEventHandler<T> onDelete(
            java.util.function.Consumer<T> announce) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {}

            @Override
            public void onUpdate(T oldObject, T newObject) {}

            @Override
            public void onDelete(T object, boolean deletedFinalStateUnknown) {
                if (!leading.get()) {
                    return;
                }
                try {
                    announce.accept(object);
                } catch (RuntimeException e) {
                    LOG.warn("Announcing a deletion failed; tried again every second", e);
                    failed.put(object.getMetadata().getUid(), () -> announce.accept(object));
                }
            }
        };
    }
}
