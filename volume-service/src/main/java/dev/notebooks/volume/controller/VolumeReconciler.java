package dev.notebooks.volume.controller;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.runtime.ReconcilerSpec;
import dev.notebooks.platform.kube.runtime.ResourceReconciler;
import dev.notebooks.platform.kube.runtime.Results;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.events.VolumeAnnouncer;
import dev.notebooks.volume.service.VolumeCache;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Every PersistentVolumeClaim, whoever made it (the API, kubectl, notebook-service for a new notebook): announces its
 * creation once it is bound and every change of its requested size. Claims are Kubernetes' own objects, so this
 * writes nothing to them; their deletion is announced by {@link Deletions}. Runs on the leader only.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class VolumeReconciler implements ResourceReconciler<V1PersistentVolumeClaim> {

    private final VolumeAnnouncer announcer;
    private final VolumeCache cache;
    private final String self;

    VolumeReconciler(VolumeAnnouncer announcer, VolumeCache cache, KubeConfiguration configuration) {
        this.announcer = announcer;
        this.cache = cache;
        this.self = configuration.getFieldManager();
    }

    @Override
    public ReconcilerSpec<V1PersistentVolumeClaim> spec() {
        return ReconcilerSpec.of(VolumeResources.CLAIMS);
    }

    @Override
    public Result reconcile(V1PersistentVolumeClaim claim) {
        announcer.claimObserved(claim, SpecManagers.of(claim.getMetadata(), self), () -> cache.holds(claim));
        return Results.done();
    }
}
