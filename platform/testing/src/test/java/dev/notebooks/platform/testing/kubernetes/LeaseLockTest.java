package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeaseLockTest {

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final String name = "leader-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void leaseCreatedByLeaseLockIsReadableBackAndRenewable() throws Exception {
        var lock = new LeaseLock("default", name, "replica-a", client);
        Date now = new Date();

        assertThat(lock.create(new LeaderElectionRecord("replica-a", 15, now, now, 0)))
                .isTrue();

        V1Lease lease = new CoordinationV1Api(client)
                .readNamespacedLease(name, "default")
                .execute();
        assertThat(lease.getKind()).isEqualTo("Lease");
        assertThat(lease.getApiVersion()).isEqualTo("coordination.k8s.io/v1");
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-a");
        assertThat(lock.get().getHolderIdentity()).isEqualTo("replica-a");
        assertThat(lock.update(new LeaderElectionRecord("replica-a", 15, now, new Date(), 0)))
                .isTrue();
    }
}
