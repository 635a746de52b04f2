package dev.notebooks.notebook;

import dev.notebooks.platform.testing.TestProperties;
import java.util.Map;
import java.util.UUID;

/**
 * The properties of a notebook-service test context: the shared PostgreSQL, Kafka and Kubernetes API, a random HTTP
 * port, every notebook reconciled again each second (so steady state is proven under resyncs), and lease timings short
 * enough for a test but within what the API double keeps up with (retry period at least 1 s).
 */
public final class NotebookServiceFixtures {

    private NotebookServiceFixtures() {}

    public static TestProperties.Builder builder() {
        return TestProperties.postgres("notebook")
                .kafka()
                .kubernetes()
                .with("micronaut.server.port", "-1")
                .with("platform.kube.resync-period", "1s")
                .with("platform.kube.leader-election.lease-namespace", "default")
                .with("platform.kube.leader-election.identity", "notebook-service-test-" + UUID.randomUUID())
                .with("platform.kube.leader-election.lease-duration", "6s")
                .with("platform.kube.leader-election.renew-deadline", "4s")
                .with("platform.kube.leader-election.retry-period", "1s")
                .with("platform.outbox.poll-interval", "100ms");
    }

    public static Map<String, String> properties() {
        return builder().build();
    }

    /** A name no other test (or earlier run against the same API) uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
