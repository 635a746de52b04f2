package dev.notebooks.volume.controller;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.runtime.ReconcilerSpec;
import dev.notebooks.platform.kube.runtime.ResourceReconciler;
import dev.notebooks.platform.kube.runtime.Results;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.events.VolumeAnnouncer;
import dev.notebooks.volume.service.VolumeCache;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Every VolumeSnapshot, whoever took it: announces it once it is ready to use (the CSI snapshot controller sets
 * {@code status.readyToUse}). Its deletion is announced by {@link Deletions}. Runs on the leader only.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class SnapshotReconciler implements ResourceReconciler<VolumeSnapshot> {

    private final VolumeAnnouncer announcer;
    private final VolumeCache cache;
    private final String self;

    SnapshotReconciler(VolumeAnnouncer announcer, VolumeCache cache, KubeConfiguration configuration) {
        this.announcer = announcer;
        this.cache = cache;
        this.self = configuration.getFieldManager();
    }

    @Override
    public ReconcilerSpec<VolumeSnapshot> spec() {
        return ReconcilerSpec.of(VolumeResources.SNAPSHOTS);
    }

    @Override
    public Result reconcile(VolumeSnapshot snapshot) {
        Optional<io.kubernetes.client.openapi.models.V1PersistentVolumeClaim> source = snapshot.sourceClaim() == null
                ? Optional.empty()
                : cache.claim(snapshot.namespace(), snapshot.sourceClaim());
        announcer.snapshotObserved(
                snapshot, source, SpecManagers.of(snapshot.getMetadata(), self), () -> cache.holds(snapshot));
        return Results.done();
    }
}
