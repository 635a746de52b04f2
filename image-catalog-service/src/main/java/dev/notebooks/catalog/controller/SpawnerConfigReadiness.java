package dev.notebooks.catalog.controller;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Says in readiness's details when the spawner ConfigMap is left as it is because its YAML does not parse. The service
 * stays ready: the catalog API works, only its publication waits for the administrator.
 */
@Singleton
@Readiness
@Requires(env = Environment.KUBERNETES)
class SpawnerConfigReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final SpawnerConfigPublisher publisher;

    SpawnerConfigReadiness(SpawnerConfigPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        return publisher
                .unparseable()
                .<Map<String, Object>>map(problem -> Map.of("published", false, "problem", problem))
                .orElse(Map.of("published", true));
    }

    @Override
    protected String getName() {
        return "spawnerConfigMap";
    }
}
