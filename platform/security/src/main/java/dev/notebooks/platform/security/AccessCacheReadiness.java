package dev.notebooks.platform.security;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** Not ready until the access caches hold the cluster's namespaces and RoleBindings. */
@Singleton
@Readiness
class AccessCacheReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final AccessCache cache;

    AccessCacheReadiness(AccessCache cache) {
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
        return "accessCache";
    }
}
