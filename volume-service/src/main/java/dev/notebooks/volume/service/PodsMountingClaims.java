package dev.notebooks.volume.service;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.runtime.CachedPart;
import dev.notebooks.volume.domain.VolumeResources;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Of the cluster's pods, the volume cache keeps those that mount a PersistentVolumeClaim: who uses a volume, whether it
 * is mounted now and VWA's pods endpoint read nothing else.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class PodsMountingClaims implements CachedPart<V1Pod> {

    @Override
    public ResourceType<V1Pod> type() {
        return VolumeResources.PODS;
    }

    @Override
    public boolean keeps(V1Pod pod) {
        return !VolumeCache.claimsOf(pod).isEmpty();
    }
}
