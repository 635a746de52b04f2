package dev.notebooks.volume.controller;

import dev.notebooks.platform.kube.runtime.LeaderOnly;
import dev.notebooks.volume.service.VolumeCache;
import dev.notebooks.volume.service.VolumeUsage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Records, every {@code volumes.usage-scan-interval}, that the volumes running notebooks and pods mount are in use,
 * so their last use is known even without notebook events (a notebook started before this service ran, a pod made
 * with kubectl). The leader only.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class UsageScan implements LeaderOnly {

    private final VolumeUsage usage;
    private final VolumeCache cache;
    private volatile boolean leading;

    UsageScan(VolumeUsage usage, VolumeCache cache) {
        this.usage = usage;
        this.cache = cache;
    }

    @Override
    public void onStartedLeading() {
        leading = true;
    }

    @Override
    public void onStoppedLeading() {
        leading = false;
    }

    @Scheduled(fixedDelay = "${volumes.usage-scan-interval:1m}", initialDelay = "2s")
    void scan() {
        if (leading && cache.hasSynced()) {
            usage.recordMounted();
        }
    }
}
