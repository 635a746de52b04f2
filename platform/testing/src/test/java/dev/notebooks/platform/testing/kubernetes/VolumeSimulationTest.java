package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.StorageV1Api;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Claims on the simulated cluster: classes, binding in both modes, expansion, protection, snapshots and restores. */
class VolumeSimulationTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final SimulatedCluster cluster = SimulatedCluster.shared("vol");

    @Test
    void theClusterHasADefaultExpandableClassAndOneThatWaitsForAConsumer() throws Exception {
        var classes =
                new StorageV1Api(cluster.client).listStorageClass().execute().getItems();

        assertThat(classes).anySatisfy(c -> {
            assertThat(c.getMetadata().getName()).isEqualTo("standard");
            assertThat(c.getMetadata().getAnnotations())
                    .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
            assertThat(c.getAllowVolumeExpansion()).isTrue();
            assertThat(c.getVolumeBindingMode()).isEqualTo("Immediate");
        });
        assertThat(classes).anySatisfy(c -> assertThat(c.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer"));
    }

    @Test
    void aClaimOfTheDefaultClassBindsAtOnceToAProvisionedVolume() throws Exception {
        V1PersistentVolumeClaim created = claim("data", null, "1Gi");

        assertThat(created.getSpec().getStorageClassName()).isEqualTo("standard");
        assertThat(created.getMetadata().getFinalizers()).contains("kubernetes.io/pvc-protection");
        await().atMost(SOON).until(() -> "Bound".equals(read("data").getStatus().getPhase()));
        V1PersistentVolumeClaim bound = read("data");
        assertThat(bound.getStatus().getCapacity().get("storage").toSuffixedString())
                .isEqualTo("1Gi");
        assertThat(bound.getSpec().getVolumeName())
                .isEqualTo("pvc-" + created.getMetadata().getUid());
        var volume = cluster.core
                .readPersistentVolume(bound.getSpec().getVolumeName())
                .execute();
        assertThat(volume.getStatus().getPhase()).isEqualTo("Bound");
        assertThat(volume.getSpec().getClaimRef().getName()).isEqualTo("data");
        assertThat(cluster.reasons("PersistentVolumeClaim", "data")).contains("Provisioning", "ProvisioningSucceeded");
    }

    @Test
    void aWaitForFirstConsumerClaimBindsOnlyWhenAPodUsesIt() throws Exception {
        claim("scratch", "local-path", "1Gi");
        await().atMost(SOON).until(() -> cluster.event("PersistentVolumeClaim", "scratch", "WaitForFirstConsumer")
                .isPresent());
        assertThat(read("scratch").getStatus().getPhase()).isEqualTo("Pending");

        pod("user", "scratch");

        await().atMost(SOON).until(() -> cluster.ready("user"));
        assertThat(read("scratch").getStatus().getPhase()).isEqualTo("Bound");
        assertThat(read("scratch").getMetadata().getAnnotations())
                .containsEntry("volume.kubernetes.io/selected-node", "node-1");
    }

    @Test
    void anExpansionWaitsForAPodThenTheFileSystemGrows() throws Exception {
        claim("home", null, "1Gi");
        await().atMost(SOON).until(() -> "Bound".equals(read("home").getStatus().getPhase()));

        resize("home", "2Gi");

        await().atMost(SOON).until(() -> Optional.ofNullable(
                        read("home").getStatus().getConditions())
                .map(conditions -> conditions.stream().anyMatch(c -> c.getType().equals("FileSystemResizePending")))
                .orElse(false));
        assertThat(read("home").getStatus().getCapacity().get("storage").toSuffixedString())
                .isEqualTo("1Gi");

        pod("editor", "home");

        await().atMost(SOON).until(() -> "2Gi"
                .equals(read("home").getStatus().getCapacity().get("storage").toSuffixedString()));
        assertThat(read("home").getStatus().getConditions()).isNullOrEmpty();
        assertThat(cluster.reasons("PersistentVolumeClaim", "home")).contains("Resizing", "FileSystemResizeSuccessful");
    }

    @Test
    void aClaimInUseIsNotDeletedUntilItsPodIsGone() throws Exception {
        claim("held", null, "1Gi");
        pod("holder", "held");
        await().atMost(SOON).until(() -> cluster.ready("holder"));

        cluster.core
                .deleteNamespacedPersistentVolumeClaim("held", cluster.namespace)
                .execute();

        assertThat(read("held").getMetadata().getDeletionTimestamp()).isNotNull();
        cluster.core.deleteNamespacedPod("holder", cluster.namespace).execute();
        await().atMost(SOON).until(() -> !exists("held"));
    }

    @Test
    void aSnapshotBecomesReadyAndAClaimRestoredFromItBinds() throws Exception {
        claim("source", null, "3Gi");
        await().atMost(SOON)
                .until(() -> "Bound".equals(read("source").getStatus().getPhase()));
        var snapshots = new CustomObjectsApi(cluster.client);

        snapshots
                .createNamespacedCustomObject(
                        "snapshot.storage.k8s.io",
                        "v1",
                        cluster.namespace,
                        "volumesnapshots",
                        Map.of(
                                "apiVersion",
                                "snapshot.storage.k8s.io/v1",
                                "kind",
                                "VolumeSnapshot",
                                "metadata",
                                Map.of("name", "before-upgrade"),
                                "spec",
                                Map.of("source", Map.of("persistentVolumeClaimName", "source"))))
                .execute();

        await().atMost(SOON).until(() -> Boolean.TRUE.equals(status(snapshots).get("readyToUse")));
        assertThat(status(snapshots)).containsEntry("restoreSize", "3Gi").containsKey("boundVolumeSnapshotContentName");
        cluster.core
                .createNamespacedPersistentVolumeClaim(
                        cluster.namespace,
                        cluster.load(
                                V1PersistentVolumeClaim.class,
                                """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: restored}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 3Gi}}
                  dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: before-upgrade}
                """))
                .execute();
        await().atMost(SOON)
                .until(() -> "Bound".equals(read("restored").getStatus().getPhase()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(CustomObjectsApi snapshots) throws Exception {
        Map<String, Object> snapshot = (Map<String, Object>) snapshots
                .getNamespacedCustomObject(
                        "snapshot.storage.k8s.io", "v1", cluster.namespace, "volumesnapshots", "before-upgrade")
                .execute();
        return (Map<String, Object>) snapshot.getOrDefault("status", Map.of());
    }

    private V1PersistentVolumeClaim claim(String name, String storageClass, String size) throws Exception {
        String className = storageClass == null ? "" : "\n  storageClassName: " + storageClass;
        return cluster.core
                .createNamespacedPersistentVolumeClaim(
                        cluster.namespace,
                        cluster.load(
                                V1PersistentVolumeClaim.class,
                                """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: NAME}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: SIZE}}CLASS
                """
                                        .replace("NAME", name)
                                        .replace("SIZE", size)
                                        .replace("CLASS", className)))
                .execute();
    }

    private void pod(String name, String claim) throws Exception {
        cluster.core
                .createNamespacedPod(
                        cluster.namespace,
                        cluster.load(
                                V1Pod.class,
                                """
                apiVersion: v1
                kind: Pod
                metadata: {name: NAME}
                spec:
                  containers:
                  - name: main
                    image: kubeflownotebookswg/jupyter:v1.9.0
                    volumeMounts: [{name: data, mountPath: /home/jovyan}]
                  volumes:
                  - {name: data, persistentVolumeClaim: {claimName: CLAIM}}
                """
                                        .replace("NAME", name)
                                        .replace("CLAIM", claim)))
                .execute();
    }

    private void resize(String name, String size) throws Exception {
        PatchUtils.patch(
                V1PersistentVolumeClaim.class,
                () -> cluster.core
                        .patchNamespacedPersistentVolumeClaim(
                                name,
                                cluster.namespace,
                                new V1Patch("{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + size + "\"}}}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                cluster.client);
    }

    private V1PersistentVolumeClaim read(String name) throws Exception {
        return cluster.core
                .readNamespacedPersistentVolumeClaim(name, cluster.namespace)
                .execute();
    }

    private boolean exists(String name) throws Exception {
        try {
            read(name);
            return true;
        } catch (io.kubernetes.client.openapi.ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
