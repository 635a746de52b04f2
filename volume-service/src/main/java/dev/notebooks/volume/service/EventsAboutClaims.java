package dev.notebooks.volume.service;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.runtime.CachedPart;
import dev.notebooks.volume.domain.VolumeResources;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Of the cluster's Events, the volume cache keeps those about PersistentVolumeClaims: a claim's status and VWA's events
 * endpoint read nothing else, and a cluster's other Events (every pod's among them) would only take memory.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class EventsAboutClaims implements CachedPart<CoreV1Event> {

    @Override
    public ResourceType<CoreV1Event> type() {
        return VolumeResources.EVENTS;
    }

    @Override
    public boolean keeps(CoreV1Event event) {
        return !VolumeCache.claimOf(event).isEmpty();
    }
}
