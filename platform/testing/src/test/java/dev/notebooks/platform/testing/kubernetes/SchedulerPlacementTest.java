package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Yaml;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node selectors, affinity, taints and tolerations on a double of its own with a CPU node and a tainted GPU node. */
class SchedulerPlacementTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final KubernetesApiDouble apiDouble = KubernetesApiDouble.start(KubernetesApiDouble.Settings.defaults()
            .workloads(WorkloadSettings.forTests()
                    .nodes(List.of(
                            WorkloadSettings.SimulatedNode.standard("cpu-node").withCapacity("nvidia.com/gpu", "0"),
                            WorkloadSettings.SimulatedNode.standard("gpu-node")
                                    .withLabel("accelerator", "nvidia")
                                    .withTaint(
                                            new WorkloadSettings.Taint("nvidia.com/gpu", "present", "NoSchedule"))))));
    private final ApiClient client =
            new ClientBuilder().setBasePath(apiDouble.url()).build();
    private final CoreV1Api core = new CoreV1Api(client);

    @AfterEach
    void stop() {
        apiDouble.close();
    }

    @Test
    void aPodForTheGpuNodeWithoutTheTolerationFitsNoNodeAndSaysWhy() throws Exception {
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("team")))
                .execute();
        core.createNamespacedPod("team", pod("untolerated", "")).execute();

        await().atMost(SOON).until(() -> message("untolerated").isPresent());

        assertThat(message("untolerated").orElseThrow())
                .isEqualTo("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                        + "1 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/2 nodes are available: "
                        + "2 Preemption is not helpful for scheduling.");
    }

    @Test
    void aPodThatToleratesTheTaintAndAsksForAGpuRunsOnTheGpuNode() throws Exception {
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("team")))
                .execute();
        core.createNamespacedPod(
                        "team",
                        pod(
                                "tolerated",
                                """
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions: [{key: accelerator, operator: In, values: [nvidia]}]
                """))
                .execute();

        await().atMost(SOON)
                .until(() -> SimulatedCluster.ready(
                        core.readNamespacedPod("tolerated", "team").execute()));
        assertThat(core.readNamespacedPod("tolerated", "team")
                        .execute()
                        .getSpec()
                        .getNodeName())
                .isEqualTo("gpu-node");
    }

    private java.util.Optional<String> message(String pod) throws Exception {
        return core
                .listNamespacedEvent("team")
                .fieldSelector("involvedObject.name=" + pod + ",reason=FailedScheduling")
                .execute()
                .getItems()
                .stream()
                .map(event -> event.getMessage())
                .findFirst();
    }

    private static V1Pod pod(String name, String placement) {
        return Yaml.loadAs(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: NAME}
                spec:
                  nodeSelector: {accelerator: nvidia}
                  containers:
                  - {name: main, image: "kubeflownotebookswg/jupyter-pytorch-cuda:v1.9.0", resources: {limits: {nvidia.com/gpu: "1"}}}
                PLACEMENT"""
                        .replace("NAME", name)
                        .replace("PLACEMENT", placement),
                V1Pod.class);
    }
}
