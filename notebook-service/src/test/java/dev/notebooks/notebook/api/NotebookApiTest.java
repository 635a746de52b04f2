package dev.notebooks.notebook.api;

import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.JwaForms;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.Profiles;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookResources;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The spawner API end to end on the Kubernetes API double with its simulated workloads: JWA's body becomes a Notebook
 * with its PVCs, the pod becomes ready and the list says so; stop, start, edit, delete; the quota refuses before
 * anything is written; the spawner ConfigMap is read live.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookApiTest implements TestPropertyProvider {

    static final String SPAWNER_NAMESPACE = NotebookServiceFixtures.uniqueName("kubeflow");
    static final Duration SEEN = Duration.ofSeconds(60);
    static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

    // the test's own writes and reads go through a test client (not recorded as the service), signed as the service
    private final ResourceClient kube =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("notebook-service"));

    @Inject
    AuditLog auditLog;

    TestHttp http;
    Profiles world;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("platform.security.cluster-admins", Profiles.ADMIN)
                .with("notebooks.spawner.namespace", SPAWNER_NAMESPACE)
                .build();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = Profiles.create(roles);
        await().atMost(SEEN)
                .until(() -> http.as(world.viewer(), GET(world.notebooks())).status() == 200);
    }

    static Map<String, Object> form(String name) {
        return JwaForms.form(name);
    }

    @Test
    void configIsReadLiveFromTheSpawnerConfigMap() {
        Profiles.spawnerConfig(
                SPAWNER_NAMESPACE, "spawnerFormDefaults:\n  cpu:\n    value: '0.7'\n    limitFactor: '1.2'\n");
        TestHttp.Reply first = http.as(world.viewer(), GET("/api/config"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).containsEntry("success", true);
        assertThat(first.json().get("config").toString()).contains("0.7");

        Profiles.spawnerConfig(SPAWNER_NAMESPACE, "spawnerFormDefaults:\n  cpu:\n    value: '0.9'\n");
        assertThat(http.as(world.viewer(), GET("/api/config"))
                        .json()
                        .get("config")
                        .toString())
                .contains("0.9");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJwaCreateBecomesAReadyNotebookThatStopsStartsAndIsDeleted() {
        String name = NotebookServiceFixtures.uniqueName("lab");
        TestHttp.Reply created = http.as(world.editor(), POST(world.notebooks(), form(name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("success", true)
                .containsEntry("message", "Notebook created successfully.");
        assertThat(claim(name + "-workspace")).isPresent();

        Map<String, Object> item = await().atMost(SEEN)
                .until(() -> item(world.viewer(), name), it -> it != null && "ready".equals(phase(it)));
        assertThat(item)
                .containsEntry("namespace", world.namespace())
                .containsEntry("serverType", "jupyter")
                .containsEntry("image", IMAGE)
                .containsEntry("shortImage", "jupyter-scipy:v1.10.0")
                .containsEntry("cpu", "500m")
                .containsEntry("memory", "512Mi");
        assertThat((List<String>) item.get("volumes")).contains(name + "-workspace");

        TestHttp.Reply one = http.as(world.viewer(), GET(world.notebook(name)));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        Map<String, Object> notebook = (Map<String, Object>) one.json().get("notebook");
        assertThat((Map<String, Object>) notebook.get("processed_status")).containsEntry("phase", "ready");

        TestHttp.Reply alreadyRunning = http.as(world.editor(), PATCH(world.notebook(name), Map.of("stopped", false)));
        assertThat(alreadyRunning.status()).as(alreadyRunning.toString()).isEqualTo(409);
        assertThat(alreadyRunning.json()).containsEntry("success", false).containsKey("log");

        assertThat(http.as(world.owner(), PATCH(world.notebook(name), Map.of("stopped", true)))
                        .status())
                .isEqualTo(200);
        await().atMost(SEEN).until(() -> "stopped".equals(phase(item(world.viewer(), name))));
        assertThat(statefulSet(name).orElseThrow().getSpec().getReplicas()).isZero();
        assertThat(notebook(name).orElseThrow().annotation("notebooks.dev/updated-by"))
                .as("the reconciler's events name the user")
                .contains(world.owner());
        assertThat(http.as(world.owner(), PATCH(world.notebook(name), Map.of("stopped", true)))
                        .status())
                .isEqualTo(409);

        assertThat(http.as(world.editor(), PATCH(world.notebook(name), Map.of("stopped", false)))
                        .status())
                .isEqualTo(200);
        await().atMost(SEEN).until(() -> "ready".equals(phase(item(world.viewer(), name))));

        TestHttp.Reply deleted = http.as(world.editor(), DELETE(world.notebook(name)));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json()).containsEntry("message", "Notebook " + name + " successfully deleted.");
        await().atMost(SEEN).until(() -> notebook(name).isEmpty());
        assertThat(
                        auditLog
                                .find(AuditQuery.newestFirst().withResource("Notebook", world.namespace(), name))
                                .items()
                                .stream()
                                .map(record -> record.action())
                                .toList())
                .contains("notebook.create", "notebook.stop", "notebook.start", "notebook.delete");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditChangesTheImageAndResourcesAndStartsAStoppedNotebook() {
        String name = NotebookServiceFixtures.uniqueName("edit");
        assertThat(http.as(world.owner(), POST(world.notebooks(), form(name))).status())
                .isEqualTo(201);
        await().atMost(SEEN).until(() -> notebook(name).isPresent());
        assertThat(http.as(world.owner(), PATCH(world.notebook(name), Map.of("stopped", true)))
                        .status())
                .isEqualTo(200);

        String image = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0";
        TestHttp.Reply edited = http.as(
                world.editor(), PATCH(world.notebook(name), Map.of("image", image, "cpu", "1", "memory", "1Gi")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        Notebook after = notebook(name).orElseThrow();
        assertThat(after.isStopped()).isFalse();
        assertThat(after.serverContainer().orElseThrow().getImage()).isEqualTo(image);
        assertThat(after.serverContainer()
                        .orElseThrow()
                        .getResources()
                        .getRequests()
                        .get("memory")
                        .toSuffixedString())
                .isEqualTo("1Gi");
        await().atMost(SEEN).until(() -> {
            Map<String, Object> item = item(world.viewer(), name);
            return item != null && "ready".equals(phase(item)) && image.equals(item.get("image"));
        });

        TestHttp.Reply nameChange = http.as(world.editor(), PATCH(world.notebook(name), Map.of("name", "other")));
        assertThat(nameChange.status()).isEqualTo(422);
        assertThat(nameChange.violations()).anyMatch(v -> "name".equals(v.get("field")));
    }

    @Test
    void aTypoInAVolumeIsRefusedNamingTheVolumeAndNothingIsWritten() throws Exception {
        String name = NotebookServiceFixtures.uniqueName("typo");
        // "resoures": a field PersistentVolumeClaimSpec does not have; dropping it would make a claim of no size
        String body = json.writeValueAsString(form(name)).replace("\"resources\":", "\"resoures\":");
        assertThat(body).contains("\"resoures\":");

        TestHttp.Reply refused = await().atMost(SEEN)
                .until(
                        () -> http.as(
                                world.owner(),
                                POST(world.notebooks(), body).contentType(MediaType.APPLICATION_JSON_TYPE)),
                        r -> r.status() != 503);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.violations())
                .anyMatch(v -> "workspace.newPvc".equals(v.get("field"))
                        && String.valueOf(v.get("message")).contains("unknown field `resoures`"));
        assertThat(kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name))
                .isEmpty();
        assertThat(kube.get(ResourceTypes.PERSISTENT_VOLUME_CLAIM, world.namespace(), name + "-workspace"))
                .isEmpty();
    }

    @Test
    void aRequestBeyondTheQuotaIsRefusedNamingTheFieldAndNothingIsWritten() {
        Profiles quotaWorld = Profiles.create(roles);
        quotaWorld.quota("kf-resource-quota", Map.of("requests.cpu", "2", "requests.storage", "10Gi"));
        String name = NotebookServiceFixtures.uniqueName("big");
        Map<String, Object> body = form(name);
        body.put("cpu", "4");
        TestHttp.Reply refused = await().atMost(SEEN)
                .until(() -> http.as(quotaWorld.owner(), POST(quotaWorld.notebooks(), body)), r -> r.status() != 503);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.violations()).anyMatch(v -> "cpu".equals(v.get("field")));
        assertThat(refused.json()).containsEntry("success", false);
        assertThat((String) refused.json().get("log")).contains("kf-resource-quota");
        try {
            assertThat(kube.get(NotebookResources.NOTEBOOKS, quotaWorld.namespace(), name))
                    .isEmpty();
            assertThat(kube.get(ResourceTypes.PERSISTENT_VOLUME_CLAIM, quotaWorld.namespace(), name + "-workspace"))
                    .isEmpty();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNotebookTheApiServerRefusesLeavesNoVolumeBehind() throws ApiException {
        Profiles full = Profiles.create(roles);
        // the API server's own quota admission refuses the Notebook after its workspace PVC was made
        full.quota("no-notebooks", Map.of("count/notebooks.kubeflow.org", "0"));
        String name = NotebookServiceFixtures.uniqueName("refused");
        TestHttp.Reply refused = await().atMost(SEEN)
                .until(() -> http.as(full.owner(), POST(full.notebooks(), form(name))), r -> r.status() != 503);
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(refused.json()).containsEntry("success", false);
        assertThat(kube.get(ResourceTypes.PERSISTENT_VOLUME_CLAIM, full.namespace(), name + "-workspace"))
                .isEmpty();
        assertThat(kube.get(NotebookResources.NOTEBOOKS, full.namespace(), name))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReadyNotebooksPodLogsAndEventsAndTheFormsReadsAnswerAsJwa() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("reads");
        assertThat(http.as(world.owner(), POST(world.notebooks(), form(name))).status())
                .isEqualTo(201);
        await().atMost(SEEN).until(() -> "ready".equals(phase(item(world.viewer(), name))));

        TestHttp.Reply pod = http.as(world.viewer(), GET(world.notebook(name) + "/pod"));
        assertThat(pod.status()).as(pod.toString()).isEqualTo(200);
        Map<String, Object> podObject = (Map<String, Object>) pod.json().get("pod");
        assertThat(((Map<String, Object>) podObject.get("metadata")).get("name"))
                .isEqualTo(name + "-0");

        TestHttp.Reply logs = await().atMost(SEEN)
                .until(
                        () -> http.as(world.viewer(), GET(world.notebook(name) + "/pod/" + name + "-0/logs")),
                        reply -> reply.status() == 200
                                && !((List<?>) reply.json().get("logs")).isEmpty());
        assertThat(logs.json().get("logs").toString()).contains("/notebook/" + world.namespace() + "/" + name);
        assertThat(http.as(world.viewer(), GET(world.notebook(name) + "/pod/someone-else-0/logs"))
                        .status())
                .isEqualTo(404);

        List<Map<String, Object>> events = await().atMost(SEEN)
                .until(
                        () -> (List<Map<String, Object>>) http.as(world.viewer(), GET(world.notebook(name) + "/events"))
                                .json()
                                .get("events"),
                        list -> list != null && !list.isEmpty());
        assertThat(events)
                .as("whole Events, as the API server has them")
                .allSatisfy(event -> {
                    assertThat((Map<String, Object>) event.get("involvedObject"))
                            .containsEntry("kind", "Notebook")
                            .containsEntry("name", name);
                    assertThat((Map<String, Object>) event.get("metadata")).containsKeys("uid", "resourceVersion");
                })
                .anySatisfy(event -> {
                    assertThat((String) event.get("message")).startsWith("Reissued from ");
                    assertThat((Map<String, Object>) event.get("source"))
                            .containsEntry("component", "notebook-service");
                });

        TestHttp.Reply pvcs = http.as(world.viewer(), GET("/api/namespaces/" + world.namespace() + "/pvcs"));
        assertThat(pvcs.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) pvcs.json().get("pvcs"))
                .contains(Map.of("name", name + "-workspace", "size", "1Gi", "mode", "ReadWriteOnce"));

        kube.create(
                NotebookResources.POD_DEFAULTS,
                PodDefault.of(
                        new V1ObjectMeta().name("add-gcp").namespace(world.namespace()),
                        PodDefault.Spec.selecting(new V1LabelSelector().matchLabels(Map.of("add-gcp", "true")))));
        kube.create(
                NotebookResources.POD_DEFAULTS,
                PodDefault.of(
                        new V1ObjectMeta().name("by-expression").namespace(world.namespace()),
                        PodDefault.Spec.selecting(new V1LabelSelector())));
        List<Map<String, Object>> podDefaults = await().atMost(SEEN)
                .until(
                        () -> (List<Map<String, Object>>)
                                http.as(world.viewer(), GET("/api/namespaces/" + world.namespace() + "/poddefaults"))
                                        .json()
                                        .get("poddefaults"),
                        list -> list != null && list.size() == 2);
        assertThat(podDefaults.get(0)).containsEntry("label", "add-gcp").containsEntry("desc", "add-gcp");
        assertThat(podDefaults.get(1)).containsEntry("label", null);

        TestHttp.Reply gpus = http.as(world.stranger(), GET("/api/gpus"));
        assertThat(gpus.status()).isEqualTo(200);
        assertThat(gpus.json().get("vendors")).isInstanceOf(List.class);
        TestHttp.Reply classes = http.as(world.stranger(), GET("/api/storageclasses"));
        assertThat(classes.status()).isEqualTo(200);
        TestHttp.Reply defaultClass = http.as(world.stranger(), GET("/api/storageclasses/default"));
        assertThat(defaultClass.status()).isEqualTo(200);
        String chosen = (String) defaultClass.json().get("defaultStorageClass");
        if (!chosen.isEmpty()) {
            assertThat((List<String>) classes.json().get("storageClasses")).contains(chosen);
        }

        assertThat((List<String>)
                        http.as(world.viewer(), GET("/api/namespaces")).json().get("namespaces"))
                .contains(world.namespace());
        assertThat((List<String>)
                        http.as(world.stranger(), GET("/api/namespaces")).json().get("namespaces"))
                .doesNotContain(world.namespace());
        assertThat((List<String>)
                        http.as(Profiles.ADMIN, GET("/api/namespaces")).json().get("namespaces"))
                .contains(world.namespace());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListSaysWhyANotebookDoesNotRun() {
        String gpus = NotebookServiceFixtures.uniqueName("gpus");
        Map<String, Object> manyGpus = form(gpus);
        manyGpus.put("gpus", Map.of("num", "4", "vendor", "nvidia.com/gpu"));
        assertThat(http.as(world.editor(), POST(world.notebooks(), manyGpus)).status())
                .isEqualTo(201);
        String badImage = NotebookServiceFixtures.uniqueName("image");
        Map<String, Object> missingImage = form(badImage);
        missingImage.put("image", "ghcr.io/example/does-not-exist:1");
        assertThat(http.as(world.editor(), POST(world.notebooks(), missingImage))
                        .status())
                .isEqualTo(201);

        Map<String, Object> unschedulable = await().atMost(SEEN)
                .until(() -> item(world.viewer(), gpus), it -> it != null && "warning".equals(phase(it)));
        assertThat((String) ((Map<String, Object>) unschedulable.get("status")).get("message"))
                .contains("Insufficient nvidia.com/gpu");
        assertThat((Map<String, Object>) unschedulable.get("gpus"))
                .containsEntry("count", 4)
                .containsEntry("message", "4 NVIDIA");

        Map<String, Object> pullFailure = await().atMost(SEEN)
                .until(() -> item(world.viewer(), badImage), it -> it != null && "warning".equals(phase(it)));
        assertThat((String) ((Map<String, Object>) pullFailure.get("status")).get("message"))
                .contains("ghcr.io/example/does-not-exist:1");
    }

    @Test
    void anEditOfARunningNotebookRollsItsPodWithTheChange() {
        String name = NotebookServiceFixtures.uniqueName("roll");
        assertThat(http.as(world.owner(), POST(world.notebooks(), form(name))).status())
                .isEqualTo(201);
        await().atMost(SEEN).until(() -> "ready".equals(phase(item(world.viewer(), name))));

        TestHttp.Reply edited =
                http.as(world.editor(), PATCH(world.notebook(name), Map.of("cpu", "1", "cpuLimit", "2")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        await().atMost(SEEN).until(() -> statefulSet(name)
                .map(sts -> sts.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits()
                        .get("cpu")
                        .toSuffixedString())
                .filter("2"::equals)
                .isPresent());
        await().atMost(SEEN).until(() -> {
            Map<String, Object> item = item(world.viewer(), name);
            return item != null && "ready".equals(phase(item)) && "1".equals(item.get("cpu"));
        });
        await().atMost(SEEN).until(() -> {
            TestHttp.Reply pod = http.as(world.viewer(), GET(world.notebook(name) + "/pod"));
            return pod.status() == 200
                    && pod.json().get("pod").toString().contains("limits={cpu=2")
                    && "ready".equals(phase(item(world.viewer(), name)));
        });
        assertThat(notebook(name).orElseThrow().isStopped()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String user, String name) {
        TestHttp.Reply list = http.as(user, GET(world.notebooks()));
        if (list.status() != 200) {
            return null;
        }
        return ((List<Map<String, Object>>) list.json().get("notebooks"))
                .stream()
                        .filter(item -> name.equals(item.get("name")))
                        .findFirst()
                        .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static String phase(Map<String, Object> item) {
        return item == null ? null : (String) ((Map<String, Object>) item.get("status")).get("phase");
    }

    private Optional<Notebook> notebook(String name) {
        try {
            return kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<V1StatefulSet> statefulSet(String name) {
        try {
            return kube.get(ResourceTypes.STATEFUL_SET, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<V1PersistentVolumeClaim> claim(String name) {
        try {
            return kube.get(ResourceTypes.PERSISTENT_VOLUME_CLAIM, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
