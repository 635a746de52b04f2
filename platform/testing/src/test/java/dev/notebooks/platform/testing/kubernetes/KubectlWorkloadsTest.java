package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workloads on the simulated cluster as a person sees them with the real kubectl. */
class KubectlWorkloadsTest {

    private static final Duration SOON = Duration.ofSeconds(30);
    private final Kubectl kubectl = new Kubectl(KubernetesFixture.shared().kubeconfig());
    private final String namespace =
            "kubectl-run-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void namespace() {
        kubectl.run("create", "namespace", namespace).succeeded();
    }

    @Test
    void getPodsWatchShowsAStatefulSetsPodGoFromPendingToRunning() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process watch = new ProcessBuilder(
                        "kubectl",
                        "--kubeconfig",
                        KubernetesFixture.shared().kubeconfig().toString(),
                        "get",
                        "pods",
                        "-n",
                        namespace,
                        "-w",
                        "-v=6")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception ignored) {
                // the watch was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            // with -v=6 kubectl logs its requests: the watch is open once its GET is answered
            await().atMost(SOON).until(() -> lines.stream()
                    .anyMatch(line -> line.contains("watch=true") && line.contains("200 OK")));
            kubectl.run(
                            Map.of(),
                            """
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: nb, namespace: %s}
                    spec:
                      serviceName: nb
                      selector: {matchLabels: {app: nb}}
                      template:
                        metadata: {labels: {app: nb}}
                        spec:
                          containers: [{name: nb, image: "kubeflownotebookswg/jupyter-scipy:v1.9.0"}]
                    """
                                    .formatted(namespace),
                            "apply",
                            "-f",
                            "-")
                    .succeeded();

            await().atMost(SOON).until(() -> lines.stream().anyMatch(line -> line.matches("nb-0\\s+1/1\\s+Running.*")));
            assertThat(lines).anyMatch(line -> line.matches("nb-0\\s+0/1\\s+Pending.*"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("kubectl get pods -w printed: " + lines, e);
        } finally {
            watch.destroy();
        }
        assertThat(kubectl.run("logs", "nb-0", "-n", namespace).succeeded().output())
                .contains("Jupyter Server");
        assertThat(kubectl.run("get", "statefulset", "nb", "-n", namespace, "-o", "jsonpath={.status.readyReplicas}")
                        .succeeded()
                        .output())
                .isEqualTo("1");
        assertThat(kubectl.run("describe", "pod", "nb-0", "-n", namespace)
                        .succeeded()
                        .output())
                .contains("Successfully assigned " + namespace + "/nb-0 to node-1")
                .contains("Started container nb");
    }

    @Test
    void aDeploymentRolloutRestartGivesANewPod() {
        kubectl.run("create", "deployment", "dex", "-n", namespace, "--image=ghcr.io/dexidp/dex:v2.41.1")
                .succeeded();
        kubectl.run("rollout", "status", "deployment/dex", "-n", namespace, "--timeout=30s")
                .succeeded();
        String first = runningPods();
        assertThat(first.split(" ")).hasSize(1);

        kubectl.run("rollout", "restart", "deployment", "dex", "-n", namespace).succeeded();

        await().atMost(SOON).until(() -> {
            String now = runningPods();
            return !now.isEmpty() && !now.contains(first) && now.split(" ").length == 1;
        });
        kubectl.run("rollout", "status", "deployment/dex", "-n", namespace, "--timeout=30s")
                .succeeded();
        assertThat(kubectl.run("get", "replicasets", "-n", namespace, "-o", "jsonpath={.items[*].spec.replicas}")
                        .succeeded()
                        .output()
                        .split(" "))
                .containsExactlyInAnyOrder("1", "0");
    }

    @Test
    void aQuotaRefusalIsWhatKubectlPrintsAndDescribeShowsIt() {
        kubectl.run("create", "quota", "compute", "-n", namespace, "--hard=requests.memory=1Gi")
                .succeeded();

        var refused = kubectl.run(
                "run",
                "big",
                "-n",
                namespace,
                "--image=busybox:1.36",
                "--overrides={\"spec\":{\"containers\":[{\"name\":\"big\",\"image\":\"busybox:1.36\",\"resources\":{\"requests\":{\"memory\":\"2Gi\"}}}]}}");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output())
                .contains(
                        "pods \"big\" is forbidden: exceeded quota: compute, requested: requests.memory=2Gi, used: requests.memory=0, limited: requests.memory=1Gi");
    }

    private String runningPods() {
        return kubectl.run(
                        "get",
                        "pods",
                        "-n",
                        namespace,
                        "--field-selector=status.phase=Running",
                        "-o",
                        "jsonpath={.items[?(@.metadata.deletionTimestamp)].metadata.name}{'|'}{.items[*].metadata.name}")
                .succeeded()
                .output()
                .replaceAll("^[^|]*\\|", "")
                .trim();
    }
}
