package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a user sees when a workload cannot run: the reasons and messages a real cluster gives. */
class WorkloadFailureReasonsTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final SimulatedCluster cluster = SimulatedCluster.shared("why");

    @Test
    void aPodOverTheQuotaIsAFailedCreateWithTheApisMessageAndUsageIsKeptCurrent() throws Exception {
        cluster.core
                .createNamespacedResourceQuota(
                        cluster.namespace,
                        cluster.load(
                                V1ResourceQuota.class,
                                """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: kf-resource-quota}
                spec:
                  hard: {requests.cpu: "1", requests.memory: 2Gi, pods: "5"}
                """))
                .execute();
        cluster.apps
                .createNamespacedStatefulSet(cluster.namespace, statefulSet("small", "500m", ""))
                .execute();
        await().atMost(SOON).until(() -> cluster.ready("small-0"));
        await().atMost(SOON).until(() -> "500m"
                .equals(used().getStatus().getUsed().get("requests.cpu").toSuffixedString()));
        assertThat(used().getStatus().getUsed().get("pods").toSuffixedString()).isEqualTo("1");
        assertThat(used().getStatus().getHard().get("requests.cpu").toSuffixedString())
                .isEqualTo("1");

        cluster.apps
                .createNamespacedStatefulSet(cluster.namespace, statefulSet("big", "2", ""))
                .execute();

        await().atMost(SOON)
                .until(() -> cluster.event("StatefulSet", "big", "FailedCreate").isPresent());
        var failed = cluster.event("StatefulSet", "big", "FailedCreate").orElseThrow();
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getMessage())
                .isEqualTo(
                        "create Pod big-0 in StatefulSet big failed error: pods \"big-0\" is forbidden: exceeded quota: "
                                + "kf-resource-quota, requested: requests.cpu=2, used: requests.cpu=500m, limited: requests.cpu=1");
        assertThat(cluster.pod("big-0")).isEmpty();
    }

    @Test
    void aPodAskingForAGpuTheNodeLacksStaysPendingWithTheSchedulersReason() throws Exception {
        cluster.apps
                .createNamespacedStatefulSet(cluster.namespace, statefulSet("gpu", "1", "2"))
                .execute();

        await().atMost(SOON)
                .until(() -> cluster.event("Pod", "gpu-0", "FailedScheduling").isPresent());
        V1Pod pod = cluster.pod("gpu-0").orElseThrow();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getSpec().getNodeName()).isNull();
        var scheduled = SimulatedCluster.condition(pod, "PodScheduled").orElseThrow();
        assertThat(scheduled.getStatus()).isEqualTo("False");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).startsWith("0/1 nodes are available: 1 Insufficient nvidia.com/gpu.");
        assertThat(cluster.event("Pod", "gpu-0", "FailedScheduling")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo(
                        "0/1 nodes are available: 1 Insufficient nvidia.com/gpu. preemption: 0/1 nodes are available: "
                                + "1 No preemption victims found for incoming pod.");
    }

    @Test
    void anImageThatCannotBePulledEndsInImagePullBackOffWithItsEvents() throws Exception {
        cluster.apps
                .createNamespacedStatefulSet(
                        cluster.namespace,
                        cluster.load(
                                V1StatefulSet.class,
                                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: bad}
                spec:
                  serviceName: bad
                  selector: {matchLabels: {statefulset: bad}}
                  template:
                    metadata: {labels: {statefulset: bad}}
                    spec:
                      containers:
                      - {name: bad, image: "registry.example.com/does-not-exist:v1"}
                """))
                .execute();

        await().atMost(SOON).until(() -> cluster.pod("bad-0")
                .map(pod -> pod.getStatus().getContainerStatuses() != null
                        && !pod.getStatus().getContainerStatuses().isEmpty()
                        && pod.getStatus()
                                        .getContainerStatuses()
                                        .get(0)
                                        .getState()
                                        .getWaiting()
                                != null
                        && "ImagePullBackOff"
                                .equals(pod.getStatus()
                                        .getContainerStatuses()
                                        .get(0)
                                        .getState()
                                        .getWaiting()
                                        .getReason()))
                .orElse(false));
        var waiting = cluster.pod("bad-0")
                .orElseThrow()
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getState()
                .getWaiting();
        assertThat(waiting.getMessage()).isEqualTo("Back-off pulling image \"registry.example.com/does-not-exist:v1\"");
        await().atMost(SOON).until(() -> cluster.reasons("Pod", "bad-0").contains("BackOff"));
        assertThat(cluster.events("Pod", "bad-0"))
                .extracting(e -> e.getReason() + ": " + e.getMessage())
                .contains(
                        "Pulling: Pulling image \"registry.example.com/does-not-exist:v1\"",
                        "Failed: Error: ErrImagePull",
                        "BackOff: Back-off pulling image \"registry.example.com/does-not-exist:v1\"",
                        "Failed: Error: ImagePullBackOff");
        assertThat(cluster.pod("bad-0").orElseThrow().getStatus().getPhase()).isEqualTo("Pending");
    }

    @Test
    void aLimitRangeGivesContainersWithoutResourcesItsDefaults() throws Exception {
        cluster.core
                .createNamespacedLimitRange(
                        cluster.namespace,
                        cluster.load(
                                V1LimitRange.class,
                                """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults}
                spec:
                  limits:
                  - type: Container
                    default: {cpu: "1", memory: 1Gi}
                    defaultRequest: {cpu: 250m, memory: 512Mi}
                """))
                .execute();

        V1Pod pod = cluster.core
                .createNamespacedPod(
                        cluster.namespace,
                        cluster.load(
                                V1Pod.class,
                                """
                apiVersion: v1
                kind: Pod
                metadata: {name: plain}
                spec:
                  containers:
                  - {name: main, image: "busybox:1.36"}
                """))
                .execute();

        var resources = pod.getSpec().getContainers().get(0).getResources();
        assertThat(resources.getRequests().get("cpu").toSuffixedString()).isEqualTo("250m");
        assertThat(resources.getLimits().get("memory").toSuffixedString()).isEqualTo("1Gi");
        assertThat(pod.getMetadata().getAnnotations())
                .containsEntry(
                        "kubernetes.io/limit-ranger",
                        "LimitRanger plugin set: cpu, memory request for container main; cpu, memory limit for container main");
    }

    private V1ResourceQuota used() throws Exception {
        return cluster.core
                .readNamespacedResourceQuota("kf-resource-quota", cluster.namespace)
                .execute();
    }

    private V1StatefulSet statefulSet(String name, String cpu, String gpus) {
        String limits = gpus.isEmpty() ? "" : ", limits: {nvidia.com/gpu: \"" + gpus + "\"}";
        return cluster.load(
                V1StatefulSet.class,
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: NAME}
                spec:
                  serviceName: NAME
                  selector: {matchLabels: {statefulset: NAME}}
                  template:
                    metadata: {labels: {statefulset: NAME}}
                    spec:
                      containers:
                      - name: NAME
                        image: kubeflownotebookswg/jupyter:v1.9.0
                        resources: {requests: {cpu: "CPU", memory: 1Gi}LIMITS}
                """
                        .replace("NAME", name)
                        .replace("CPU", cpu)
                        .replace("LIMITS", limits));
    }
}
