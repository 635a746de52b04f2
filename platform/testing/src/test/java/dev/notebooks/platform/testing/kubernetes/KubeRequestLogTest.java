package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the request log keeps for the chart's RBAC proof: per service agent, as RBAC sees a request. */
class KubeRequestLogTest {

    @TempDir
    Path directory;

    @Test
    void recordsVerbGroupResourceSubresourceAndScopePerServiceAgent() throws IOException {
        var log = new KubeRequestLog("default");

        log.record("notebook-service", "GET", "/apis/kubeflow.org/v1/notebooks?watch=true", true);
        log.record("notebook-service", "GET", "/apis/kubeflow.org/v1/notebooks", false);
        log.record("notebook-service", "PATCH", "/apis/kubeflow.org/v1/namespaces/team/notebooks/lab/status", false);
        log.record("notebook-service", "GET", "/api/v1/namespaces/team/pods/lab-0/log?container=lab", false);
        log.record(
                "notebook-service", "PUT", "/apis/coordination.k8s.io/v1/namespaces/default/leases/nb-leader", false);
        log.record("notebook-service", "DELETE", "/api/v1/namespaces/team/pods", false);
        log.record("profile-service", "POST", "/api/v1/namespaces", false);
        log.record("profile-service", "PATCH", "/api/v1/namespaces/team", false);
        log.writeTo(directory);

        assertThat(Files.readAllLines(directory.resolve("notebook-service.tsv")))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly(
                        "deletecollection\t\tpods\t\tother-namespace\t",
                        "get\t\tpods\tlog\tother-namespace\t",
                        "list\tkubeflow.org\tnotebooks\t\tcluster\t",
                        "patch\tkubeflow.org\tnotebooks\tstatus\tother-namespace\t",
                        "update\tcoordination.k8s.io\tleases\t\town-namespace\tnb-leader",
                        "watch\tkubeflow.org\tnotebooks\t\tcluster\t");
        assertThat(Files.readAllLines(directory.resolve("profile-service.tsv")))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("create\t\tnamespaces\t\tcluster\t", "patch\t\tnamespaces\t\tcluster\t");
    }

    @Test
    void testClientsAndKubectlAreNotServices() {
        var log = new KubeRequestLog("default");

        log.record("kubectl/v1.32.4 (linux/amd64) kubernetes/abcdef", "GET", "/api/v1/pods", false);
        log.record(KubernetesFixture.TEST_CLIENT_AGENT, "POST", "/api/v1/namespaces", false);
        log.record("Kubernetes Java Client/22.0.1-SNAPSHOT", "GET", "/api/v1/pods", false);
        log.record(null, "GET", "/api/v1/pods", false);
        log.record("profile-service", "GET", "/version", false);

        assertThat(log.agents()).isEmpty();
    }

    @Test
    void mergesWithWhatAnEarlierRunWrote() throws IOException {
        var first = new KubeRequestLog("default");
        first.record("auth-service", "GET", "/api/v1/namespaces/auth/configmaps/dex", false);
        first.writeTo(directory);
        var second = new KubeRequestLog("default");
        second.record("auth-service", "PATCH", "/api/v1/namespaces/auth/configmaps/dex", false);
        second.writeTo(directory);

        assertThat(Files.readAllLines(directory.resolve("auth-service.tsv")))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("get\t\tconfigmaps\t\tother-namespace\t", "patch\t\tconfigmaps\t\tother-namespace\t");
    }
}
