package dev.notebooks.catalog;

import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import java.util.Map;
import java.util.UUID;

/**
 * The context of a catalog test: the shared Kafka and Kubernetes API, a database of its own (so it starts from the
 * seed), and a spawner ConfigMap in a namespace of its own, resynced every second.
 */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    /** @param database the test class's own database, seeded on its first start */
    public static Map<String, String> properties(String database, String configMapNamespace) {
        KubernetesFixture.shared().ensureNamespaces(configMapNamespace);
        return TestProperties.postgres(database)
                .kafka()
                .kubernetes()
                .with("micronaut.server.port", "-1")
                .with("platform.outbox.poll-interval", "100ms")
                .with("platform.kube.leader-election.enabled", "false")
                .with("catalog.config-map-namespace", configMapNamespace)
                .with("catalog.resync-period", "1s")
                .build();
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
