package dev.notebooks.profile.api;

import dev.notebooks.profile.service.ProfileIndex;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/** Not ready until the profile cache that listing reads holds every profile. */
@Singleton
@Readiness
class ProfileCacheReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final ProfileIndex listing;

    ProfileCacheReadiness(ProfileIndex listing) {
        this.listing = listing;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean synced = listing.hasSynced();
        healthStatus = synced ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("synced", synced);
    }

    @Override
    protected String getName() {
        return "profileCache";
    }
}
