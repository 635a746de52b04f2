package dev.notebooks.volume;

import dev.notebooks.platform.testing.TestProperties;
import java.util.Map;
import java.util.UUID;

/**
 * The properties of a volume-service test context: the shared PostgreSQL, Kafka and Kubernetes API, a random HTTP
 * port, one cluster admin, orphans after a few seconds, usage scanned twice a second, lease timings short enough for
 * a test, and an admin's description of the class {@code standard}.
 */
public final class VolumeServiceFixtures {

    public static final String ADMIN = "admin@example.com";
    public static final String ORPHAN_AFTER = "4s";

    private VolumeServiceFixtures() {}

    public static Map<String, String> properties() {
        return TestProperties.postgres("volume")
                .kafka()
                .kubernetes()
                .with("micronaut.server.port", "-1")
                .with("platform.security.cluster-admins", ADMIN)
                .with("platform.kube.resync-period", "2s")
                .with("platform.kube.leader-election.lease-namespace", "default")
                .with("platform.kube.leader-election.identity", "volume-service-test-" + UUID.randomUUID())
                .with("platform.kube.leader-election.lease-duration", "6s")
                .with("platform.kube.leader-election.renew-deadline", "4s")
                .with("platform.kube.leader-election.retry-period", "1s")
                .with("platform.outbox.poll-interval", "100ms")
                .with("volumes.orphan-after", ORPHAN_AFTER)
                .with("volumes.usage-scan-interval", "500ms")
                .with("volumes.storage-classes.standard.display-name", "Standard (CSI hostpath)")
                .with("volumes.storage-classes.standard.description", "Snapshots, expansion, binds at once")
                .build();
    }

    /** A name no other test (or earlier run against the same API) uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user id no other test uses. */
    public static String user(String name) {
        return uniqueName(name) + "@example.com";
    }
}
