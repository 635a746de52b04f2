package dev.notebooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the catalog on one database, with leader election on as the chart runs them: both answer for the
 * catalog, only the leader projects it into the spawner ConfigMap, and when the leader stops the other takes its
 * Lease and goes on projecting.
 */
class CatalogReplicasTest {

    private static final String NAMESPACE = CatalogFixtures.uniqueName("kubeflow");
    // the chart's Lease, in the services' own namespace (the RBAC proof reads these requests)
    private static final String LEASE = "image-catalog-service-leader";
    private static final String LEASE_NAMESPACE = "default";
    private static final Duration ELECTED = Duration.ofSeconds(15);
    private static final Duration PROJECTED = Duration.ofSeconds(15);
    private static final Actor ADMIN = Actor.api("admin@example.com");

    private final List<ApplicationContext> replicas = new ArrayList<>();
    private final ResourceClient kubernetes =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("catalog-replicas-test"));

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ApplicationContext::close);
    }

    @Test
    void theLeaderProjectsWhatEitherReplicaChangesAndTheOtherTakesOverWhenItStops() throws Exception {
        ApplicationContext first = replica("replica-a");
        await().atMost(ELECTED).until(() -> "replica-a".equals(holder()));
        ApplicationContext second = replica("replica-b");

        second.getBean(CatalogService.class)
                .add(NewImage.of("ghcr.io/example/from-second:1", ServerType.JUPYTER, "From the second"), ADMIN);
        await().atMost(PROJECTED).until(() -> spawnerConfig().contains("ghcr.io/example/from-second:1"));
        assertThat(holder()).isEqualTo("replica-a");

        first.close();
        await().atMost(ELECTED).until(() -> "replica-b".equals(holder()));
        second.getBean(CatalogService.class)
                .add(NewImage.of("ghcr.io/example/after-failover:1", ServerType.JUPYTER, "After failover"), ADMIN);
        await().atMost(PROJECTED).until(() -> spawnerConfig().contains("ghcr.io/example/after-failover:1"));
    }

    private ApplicationContext replica(String identity) {
        Map<String, String> properties = CatalogFixtures.properties("catalog_replicas", NAMESPACE);
        properties.put("platform.kube.leader-election.enabled", "true");
        properties.put("platform.kube.leader-election.lease-namespace", LEASE_NAMESPACE);
        properties.put("platform.kube.leader-election.identity", identity);
        properties.put("platform.kube.leader-election.lease-duration", "6s");
        properties.put("platform.kube.leader-election.renew-deadline", "4s");
        properties.put("platform.kube.leader-election.retry-period", "1s");
        ApplicationContext replica =
                ApplicationContext.run(new HashMap<String, Object>(properties), Environment.KUBERNETES);
        replicas.add(replica);
        return replica;
    }

    private String holder() throws ApiException {
        try {
            return new CoordinationV1Api(KubernetesFixture.shared().apiClient())
                    .readNamespacedLease(LEASE, LEASE_NAMESPACE)
                    .execute()
                    .getSpec()
                    .getHolderIdentity();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private String spawnerConfig() throws ApiException {
        return kubernetes
                .get(ResourceTypes.CONFIG_MAP, NAMESPACE, "jupyter-web-app-config")
                .map(V1ConfigMap::getData)
                .map(Object::toString)
                .orElse("");
    }
}
