package dev.notebooks.volume.api;

import dev.notebooks.volume.service.VolumeCache;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** Not ready until the caches that listing and validation read hold everything. */
@Singleton
@Readiness
class VolumeCacheReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final VolumeCache cache;

    VolumeCacheReadiness(VolumeCache cache) {
        this.cache = cache;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean synced = cache.hasSynced();
        healthStatus = synced ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("synced", synced);
    }

    @Override
    protected String getName() {
        return "volumeCache";
    }
}
