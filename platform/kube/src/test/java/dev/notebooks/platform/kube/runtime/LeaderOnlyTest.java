package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service without reconcilers but with {@link LeaderOnly} work: its replicas elect a leader all the same. */
class LeaderOnlyTest {

    static final String ENVIRONMENT = "leader-only-test";

    private static final Duration ELECTED = Duration.ofSeconds(10);
    private static final Duration RETRY_PERIOD = Duration.ofSeconds(1);

    private final CoordinationV1Api coordination =
            new CoordinationV1Api(KubernetesFixture.shared().apiClient());
    private final String service = "leader-only-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ApplicationContext::close);
    }

    @Test
    void aServiceWithoutReconcilersTakesTheLeaseAndTellsItsLeaderOnlyBeans() throws ApiException {
        ApplicationContext replica = replica("replica-a", true);

        await().atMost(ELECTED).until(work(replica)::leading);

        assertThat(replica.getBean(ControllerRuntime.class).isLeading()).isTrue();
        assertThat(holder()).isEqualTo("replica-a");
    }

    @Test
    void onlyOneReplicaLeadsAndAnotherTakesOverWhenTheLeaderStops() throws ApiException {
        ApplicationContext first = replica("replica-a", true);
        await().atMost(ELECTED).until(work(first)::leading);
        ApplicationContext second = replica("replica-b", true);

        // a few of the second replica's attempts at the lease
        await().during(RETRY_PERIOD.multipliedBy(3))
                .atMost(RETRY_PERIOD.multipliedBy(5))
                .until(() -> work(first).leading() && !work(second).leading());
        assertThat(work(second).terms()).isZero();

        first.close();

        await().atMost(ELECTED).until(work(second)::leading);
        assertThat(holder()).isEqualTo("replica-b");
    }

    @Test
    void withLeaderElectionOffEveryReplicaLeadsFromStartup() {
        ApplicationContext first = replica("replica-a", false);
        ApplicationContext second = replica("replica-b", false);

        assertThat(work(first).leading()).isTrue();
        assertThat(work(second).leading()).isTrue();
        assertThat(first.getBean(ControllerRuntime.class).isLeading()).isTrue();
        assertThatThrownBy(this::holder).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode())
                .isEqualTo(404));
    }

    private ApplicationContext replica(String identity, boolean leaderElection) {
        Map<String, Object> properties =
                new HashMap<>(KubernetesFixture.shared().properties());
        properties.put("micronaut.application.name", service);
        properties.put("platform.kube.leader-election.enabled", Boolean.toString(leaderElection));
        properties.put("platform.kube.leader-election.lease-namespace", "default");
        properties.put("platform.kube.leader-election.identity", identity);
        properties.put("platform.kube.leader-election.lease-duration", "6s");
        properties.put("platform.kube.leader-election.renew-deadline", "4s");
        properties.put("platform.kube.leader-election.retry-period", RETRY_PERIOD.toSeconds() + "s");
        ApplicationContext replica = ApplicationContext.run(properties, Environment.KUBERNETES, ENVIRONMENT);
        replicas.add(replica);
        return replica;
    }

    private static LeaderOnlyWork work(ApplicationContext replica) {
        return replica.getBean(LeaderOnlyWork.class);
    }

    private String holder() throws ApiException {
        return coordination
                .readNamespacedLease(service + "-leader", "default")
                .execute()
                .getSpec()
                .getHolderIdentity();
    }
}
