package dev.notebooks.catalog.store;

import dev.notebooks.catalog.CatalogSettings;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Gives the seed migration ({@code V2__seed.sql}) its registry prefix and tag from {@link CatalogSettings}. */
@Singleton
class SeedPlaceholders implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    private final CatalogSettings settings;

    SeedPlaceholders(CatalogSettings settings) {
        this.settings = settings;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        Map<String, String> placeholders =
                new HashMap<>(flyway.getFluentConfiguration().getPlaceholders());
        placeholders.put("registry_prefix", settings.getRegistryPrefix());
        placeholders.put("seed_tag", settings.getSeedTag());
        flyway.getFluentConfiguration().placeholders(placeholders);
        return flyway;
    }
}
