package dev.notebooks.catalog.api;

import dev.notebooks.catalog.CatalogFixtures;
import dev.notebooks.catalog.check.RegistryDouble;
import java.util.Map;
import java.util.UUID;

/**
 * The context of an API test ({@link CatalogFixtures}, with a database of the test class's own), with one cluster
 * admin ({@link #ADMIN}) and custom images allowed only from the registry double, so users may check images there.
 */
final class ApiTestProperties {

    static final String ADMIN = "catalog-admin@example.com";

    private ApiTestProperties() {}

    static Map<String, String> properties(String database, RegistryDouble registry) {
        Map<String, String> properties =
                CatalogFixtures.properties(database, CatalogFixtures.uniqueName("catalog-api"));
        properties.put("platform.security.cluster-admins", ADMIN);
        properties.put("catalog.allowed-registries", registry.registry());
        return properties;
    }

    /** A user id no other test uses. */
    static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
