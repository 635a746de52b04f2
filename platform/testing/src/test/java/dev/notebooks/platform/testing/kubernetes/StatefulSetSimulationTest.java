package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.models.V1ControllerRevision;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A StatefulSet on the simulated cluster, through the official client: its pod runs, scales and rolls as on a cluster. */
class StatefulSetSimulationTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final SimulatedCluster cluster = SimulatedCluster.shared("sts");

    private V1StatefulSet statefulSet(String name, String image) throws Exception {
        return cluster.apps
                .createNamespacedStatefulSet(
                        cluster.namespace,
                        cluster.load(
                                V1StatefulSet.class,
                                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: NAME, namespace: "%s"}
                spec:
                  replicas: 1
                  serviceName: NAME
                  selector: {matchLabels: {statefulset: NAME}}
                  template:
                    metadata:
                      labels: {statefulset: NAME, notebook-name: NAME}
                      annotations: {team: research}
                    spec:
                      containers:
                      - name: NAME
                        image: IMAGE
                        resources: {requests: {cpu: 500m, memory: 1Gi}}
                """
                                        .replace("NAME", name)
                                        .replace("IMAGE", image)))
                .execute();
    }

    @Test
    void aStatefulSetBecomesAReadyPodWithItsRevisionAndEvents() throws Exception {
        V1StatefulSet created = statefulSet("nb", "kubeflownotebookswg/jupyter-scipy:v1.9.0");

        await().atMost(SOON).until(() -> cluster.ready("nb-0"));

        V1Pod pod = cluster.pod("nb-0").orElseThrow();
        assertThat(pod.getSpec().getNodeName()).isEqualTo("node-1");
        assertThat(pod.getMetadata().getLabels())
                .containsEntry("statefulset", "nb")
                .containsEntry("statefulset.kubernetes.io/pod-name", "nb-0")
                .containsKey("controller-revision-hash");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("team", "research");
        assertThat(pod.getMetadata().getOwnerReferences().get(0).getUid())
                .isEqualTo(created.getMetadata().getUid());
        assertThat(pod.getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getState()
                        .getRunning()
                        .getStartedAt())
                .isNotNull();
        assertThat(pod.getStatus().getConditions())
                .extracting(c -> c.getType() + "=" + c.getStatus())
                .contains("Initialized=True", "ContainersReady=True", "Ready=True", "PodScheduled=True");
        await().atMost(SOON).until(() -> cluster.reasons("Pod", "nb-0")
                .containsAll(java.util.List.of("Scheduled", "Pulling", "Pulled", "Created", "Started")));
        assertThat(cluster.event("Pod", "nb-0", "Scheduled").orElseThrow().getMessage())
                .isEqualTo("Successfully assigned " + cluster.namespace + "/nb-0 to node-1");

        await().atMost(SOON).until(() -> {
            var status = cluster.apps
                    .readNamespacedStatefulSet("nb", cluster.namespace)
                    .execute()
                    .getStatus();
            return Integer.valueOf(1).equals(status.getReadyReplicas());
        });
        var status = cluster.apps
                .readNamespacedStatefulSet("nb", cluster.namespace)
                .execute()
                .getStatus();
        String hash = pod.getMetadata().getLabels().get("controller-revision-hash");
        assertThat(status.getCurrentRevision()).isEqualTo(hash);
        assertThat(status.getUpdateRevision()).isEqualTo(hash);
        assertThat(status.getReplicas()).isEqualTo(1);
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        V1ControllerRevision revision = cluster.apps
                .readNamespacedControllerRevision(hash, cluster.namespace)
                .execute();
        assertThat(revision.getRevision()).isEqualTo(1L);
        assertThat(cluster.event("StatefulSet", "nb", "SuccessfulCreate")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("create Pod nb-0 in StatefulSet nb successful");
    }

    @Test
    void scaledToZeroItsPodTerminatesAndGoesThenComesBack() throws Exception {
        statefulSet("stop", "kubeflownotebookswg/jupyter:v1.9.0");
        await().atMost(SOON).until(() -> cluster.ready("stop-0"));
        String firstUid = cluster.pod("stop-0").orElseThrow().getMetadata().getUid();

        scale("stop", 0);

        await().atMost(SOON).until(() -> cluster.pod("stop-0").isEmpty());
        assertThat(cluster.reasons("Pod", "stop-0")).contains("Killing");
        await().atMost(SOON).until(() -> {
            var status = cluster.apps
                    .readNamespacedStatefulSet("stop", cluster.namespace)
                    .execute()
                    .getStatus();
            return status.getReplicas() == 0 && status.getReadyReplicas() == null;
        });

        scale("stop", 1);

        await().atMost(SOON).until(() -> cluster.ready("stop-0"));
        assertThat(cluster.pod("stop-0").orElseThrow().getMetadata().getUid()).isNotEqualTo(firstUid);
    }

    @Test
    void aTemplateChangeRollsThePodToTheNewRevision() throws Exception {
        statefulSet("roll", "kubeflownotebookswg/jupyter:v1.9.0");
        await().atMost(SOON).until(() -> cluster.ready("roll-0"));
        String before =
                cluster.pod("roll-0").orElseThrow().getMetadata().getLabels().get("controller-revision-hash");

        PatchUtils.patch(
                V1StatefulSet.class,
                () -> cluster.apps
                        .patchNamespacedStatefulSet(
                                "roll",
                                cluster.namespace,
                                new V1Patch(
                                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"roll\",\"image\":\"kubeflownotebookswg/jupyter:v1.10.0\"}]}}}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
                cluster.client);

        await().atMost(SOON).until(() -> cluster.pod("roll-0")
                .filter(SimulatedCluster::ready)
                .map(pod -> !pod.getMetadata()
                        .getLabels()
                        .get("controller-revision-hash")
                        .equals(before))
                .orElse(false));
        assertThat(cluster.pod("roll-0")
                        .orElseThrow()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("kubeflownotebookswg/jupyter:v1.10.0");
        await().atMost(SOON).until(() -> {
            var status = cluster.apps
                    .readNamespacedStatefulSet("roll", cluster.namespace)
                    .execute()
                    .getStatus();
            return status.getCurrentRevision().equals(status.getUpdateRevision())
                    && !status.getUpdateRevision().equals(before)
                    && Integer.valueOf(1).equals(status.getUpdatedReplicas());
        });
        assertThat(cluster.reasons("StatefulSet", "roll")).contains("SuccessfulDelete");
    }

    private void scale(String name, int replicas) throws Exception {
        PatchUtils.patch(
                io.kubernetes.client.openapi.models.V1Scale.class,
                () -> cluster.apps
                        .patchNamespacedStatefulSetScale(
                                name, cluster.namespace, new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                cluster.client);
    }
}
