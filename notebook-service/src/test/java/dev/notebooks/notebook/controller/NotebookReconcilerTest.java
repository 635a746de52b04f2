package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.ApiWrites;
import dev.notebooks.notebook.Kubectl;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.micronaut.context.env.Environment;
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
 * The Notebook reconciler end to end on the Kubernetes API: Notebooks applied with the real kubectl, as Kubeflow's JWA
 * writes them (v1beta1), get the children Kubeflow's controller makes, follow later changes, leave others' additions
 * alone and write nothing at steady state though every Notebook is reconciled each second.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookReconcilerTest implements TestPropertyProvider {

    private static final Duration CONVERGED = Duration.ofSeconds(20);
    private static final String NAMESPACE = "kubeflow-alice";
    private static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    // the service's own client: ApiWrites counts what the service writes
    @Inject
    ApiClient apiClient;

    @Inject
    InformerCache informers;

    @Inject
    PodEvents podEvents;

    // the test's own writes and reads go through a test client (not recorded as the service), signed as the service
    private final ResourceClient client =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("notebook-service"));

    private final Kubectl kubectl = new Kubectl();
    private ApiWrites writes;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.properties();
    }

    @BeforeAll
    void namespace() {
        KubernetesFixture.shared().ensureNamespaces(NAMESPACE);
        writes = ApiWrites.on(apiClient);
    }

    @Test
    void aV1beta1NotebookAppliedWithKubectlGetsTheStatefulSetAndServiceKubeflowsControllerMakes() {
        String name = NotebookServiceFixtures.uniqueName("nb");
        kubectl.apply(jwaNotebook(name, IMAGE, ""));
        Notebook notebook = await().atMost(CONVERGED)
                .until(() -> notebook(name), Optional::isPresent)
                .get();

        V1StatefulSet sts = await().atMost(CONVERGED)
                .until(() -> statefulSet(name), Optional::isPresent)
                .get();
        assertThat(sts.getMetadata().getLabels())
                .as("Kubeflow puts no labels on the StatefulSet")
                .isNullOrEmpty();
        assertControlledBy(sts, notebook);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("statefulset", name));
        assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
                .isEqualTo(Map.of("statefulset", name, "notebook-name", name, "app", name));
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .as("keys with 'notebook' or 'kubectl' stay on the Notebook")
                .containsEntry("team.example.com/cost-center", "ml")
                .doesNotContainKeys(
                        "notebooks.kubeflow.org/server-type",
                        "notebooks.kubeflow.org/creator",
                        "kubectl.kubernetes.io/last-applied-configuration");
        V1Container server =
                sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(server.getName()).isEqualTo(name);
        assertThat(server.getImage()).isEqualTo(IMAGE);
        assertThat(server.getWorkingDir()).isEqualTo("/home/jovyan");
        assertThat(server.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("notebook-port");
            assertThat(port.getContainerPort()).isEqualTo(8888);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertThat(server.getEnv())
                .extracting(V1EnvVar::getName, V1EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("NB_PREFIX", "/notebook/" + NAMESPACE + "/" + name));
        assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
                .isEqualTo(100L);
        assertThat(sts.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("default-editor");

        V1Service service = await().atMost(CONVERGED)
                .until(() -> service(name), Optional::isPresent)
                .get();
        assertControlledBy(service, notebook);
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("statefulset", name));
        V1ServicePort port = service.getSpec().getPorts().get(0);
        assertThat(port.getName()).isEqualTo("http-" + name);
        assertThat(port.getPort()).isEqualTo(80);
        assertThat(port.getTargetPort().getIntValue()).isEqualTo(8888);
        assertThat(port.getProtocol()).isEqualTo("TCP");

        await().atMost(CONVERGED).untilAsserted(() -> {
            Notebook withStatus = notebook(name).orElseThrow();
            assertThat(withStatus.getStatus()).isNotNull();
            assertThat(withStatus.getStatus().observedGeneration())
                    .isEqualTo(withStatus.getMetadata().getGeneration());
        });
        assertThat(kubectl.run("get", "notebooks.v1beta1.kubeflow.org", name, "-n", NAMESPACE, "-o", "name"))
                .contains("notebook.kubeflow.org/" + name);
    }

    @Test
    void laterChangesToLabelsAnnotationsAndTheTemplateReachTheStatefulSetAndOthersLabelsStay() {
        String name = NotebookServiceFixtures.uniqueName("nb");
        kubectl.apply(jwaNotebook(name, IMAGE, ""));
        await().atMost(CONVERGED).until(() -> statefulSet(name), Optional::isPresent);
        kubectl.run("label", "statefulset", name, "-n", NAMESPACE, "backup.example.com/policy=daily");
        kubectl.run("annotate", "statefulset", name, "-n", NAMESPACE, "argocd.argoproj.io/tracking-id=x");

        String newImage = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0";
        kubectl.apply(jwaNotebook(name, newImage, "    access-ml-pipeline: \"true\"\n"));
        kubectl.run(
                "annotate", "notebook", name, "-n", NAMESPACE, "team.example.com/cost-center=research", "--overwrite");

        await().atMost(CONVERGED).untilAsserted(() -> {
            V1StatefulSet sts = statefulSet(name).orElseThrow();
            assertThat(sts.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo(newImage);
            assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("access-ml-pipeline", "true");
            assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("team.example.com/cost-center", "research");
            assertThat(sts.getMetadata().getLabels()).containsEntry("backup.example.com/policy", "daily");
            assertThat(sts.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/tracking-id", "x");
        });

        kubectl.apply(jwaNotebook(name, newImage, ""));
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(statefulSet(name)
                        .orElseThrow()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels())
                .as("a label removed from the Notebook leaves the pods too")
                .doesNotContainKey("access-ml-pipeline"));
    }

    @Test
    void atSteadyStateNothingIsWrittenThoughEveryNotebookIsReconciledEachSecond() {
        String name = NotebookServiceFixtures.uniqueName("steady");
        kubectl.apply(jwaNotebook(name, IMAGE, ""));
        await().atMost(CONVERGED)
                .until(() -> statefulSet(name).isPresent()
                        && service(name).isPresent()
                        && notebook(name).map(nb -> nb.getStatus() != null).orElse(false));
        // the first passes may still be settling what they saw (the status after the children): a quiet second first
        java.util.concurrent.atomic.AtomicInteger since = new java.util.concurrent.atomic.AtomicInteger(writes.mark());
        await().atMost(CONVERGED).pollInterval(Duration.ofSeconds(1)).until(() -> {
            boolean quiet = writes.since(since.get(), name).isEmpty();
            since.set(writes.mark());
            return quiet;
        });
        int mark = writes.mark();
        String versions = versions(name);

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(19)).untilAsserted(() -> {
            assertThat(writes.since(mark, name)).isEmpty();
            assertThat(versions(name)).isEqualTo(versions);
        });
    }

    @Test
    void theStopAnnotationScalesToZeroAndItsRemovalBackToOne() {
        String name = NotebookServiceFixtures.uniqueName("stop");
        kubectl.apply(jwaNotebook(name, IMAGE, ""));
        await().atMost(CONVERGED).until(() -> statefulSet(name), Optional::isPresent);

        kubectl.run("annotate", "notebook", name, "-n", NAMESPACE, "kubeflow-resource-stopped=2025-01-01T00:00:00Z");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(
                        statefulSet(name).orElseThrow().getSpec().getReplicas())
                .isZero());
        assertThat(statefulSet(name)
                        .orElseThrow()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .as("Kubeflow copies the stop annotation to the pod template too")
                .containsKey("kubeflow-resource-stopped");

        kubectl.run("annotate", "notebook", name, "-n", NAMESPACE, "kubeflow-resource-stopped-");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(
                        statefulSet(name).orElseThrow().getSpec().getReplicas())
                .isEqualTo(1));
    }

    @Test
    void podDefaultsSelectedByTheNotebooksLabelsAreAppliedAndAConflictIsReadyFalse() {
        String name = NotebookServiceFixtures.uniqueName("pd");
        String label = "pd-" + name;
        kubectl.apply(podDefault("a-" + name, label, "PIPELINES_TOKEN", "one"));
        kubectl.apply(jwaNotebook(name, IMAGE, "    " + label + ": \"true\"\n"));

        await().atMost(CONVERGED).untilAsserted(() -> {
            V1StatefulSet sts = statefulSet(name).orElseThrow();
            assertThat(sts.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv())
                    .extracting(V1EnvVar::getName)
                    .contains("PIPELINES_TOKEN");
            assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsKey("poddefault.admission.kubeflow.org/poddefault-a-" + name);
        });

        kubectl.apply(podDefault("b-" + name, label, "PIPELINES_TOKEN", "two"));
        await().atMost(CONVERGED).untilAsserted(() -> {
            Notebook notebook = notebook(name).orElseThrow();
            assertThat(notebook.getStatus()).as("status written").isNotNull();
            assertThat(notebook.getStatus().conditions()).anySatisfy(condition -> {
                assertThat(condition.type()).isEqualTo("Ready");
                assertThat(condition.status()).isEqualTo("False");
                assertThat(condition.reason()).isEqualTo("PodDefaultConflict");
                assertThat(condition.message()).contains("a-" + name, "b-" + name, "PIPELINES_TOKEN");
                assertThat(condition.observedGeneration())
                        .isEqualTo(notebook.getMetadata().getGeneration());
            });
            assertThat(eventsOn(notebook))
                    .anySatisfy(event -> assertThat(event.getReason()).isEqualTo("PodDefaultConflict"));
        });
        assertThat(statefulSet(name)
                        .orElseThrow()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .as("the pod keeps what it had: no pod the webhook would refuse")
                .filteredOn(env -> env.getName().equals("PIPELINES_TOKEN"))
                .extracting(V1EnvVar::getValue)
                .containsExactly("one");

        kubectl.run("delete", "poddefault", "b-" + name, "-n", NAMESPACE);
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(statusOf(name).conditions())
                .noneSatisfy(condition -> assertThat(condition.reason()).isEqualTo("PodDefaultConflict")));
    }

    @Test
    void theStatusMirrorsTheRunningPodInKubeflowsShape() {
        String name = NotebookServiceFixtures.uniqueName("run");
        kubectl.apply(jwaNotebook(name, IMAGE, ""));

        await().atMost(CONVERGED).untilAsserted(() -> {
            Notebook notebook = notebook(name).orElseThrow();
            assertThat(notebook.getStatus()).as("status written").isNotNull();
            assertThat(notebook.getStatus().readyReplicas()).isEqualTo(1);
            assertThat(notebook.getStatus().containerState().getRunning()).isNotNull();
            assertThat(notebook.getStatus().conditions()).anySatisfy(condition -> {
                assertThat(condition.type()).isEqualTo("Ready");
                assertThat(condition.status()).isEqualTo("True");
                assertThat(condition.lastProbeTime())
                        .as("no lastProbeTime: now churn: the pod's time")
                        .isEqualTo(condition.lastTransitionTime());
            });
        });
    }

    @Test
    void aPodThatCannotStartIsExplainedByItsEventsReissuedOnTheNotebook() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("pull");
        kubectl.apply(jwaNotebook(name, "ghcr.io/example/does-not-exist:1", ""));

        await().atMost(CONVERGED)
                .untilAsserted(
                        () -> assertThat(eventsOn(notebook(name).orElseThrow())).anySatisfy(event -> {
                            assertThat(event.getType()).isEqualTo("Warning");
                            assertThat(event.getMessage()).startsWith("Reissued from pod/" + name + "-0: ");
                            assertThat(event.getSource().getComponent()).isEqualTo("notebook-service");
                        }));
        assertThat(kubectl.run("describe", "notebook", name, "-n", NAMESPACE))
                .contains("Reissued from pod/" + name + "-0");
        assertThat(informers.list(ResourceTypes.EVENT, NAMESPACE))
                .as("the service caches the Events about Notebooks, not those about pods")
                .isNotEmpty()
                .allSatisfy(
                        event -> assertThat(event.getInvolvedObject().getKind()).isEqualTo("Notebook"));
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(podEvents.waitingFor(NAMESPACE, name))
                .as("nothing is held once re-issued")
                .isZero());
        int reissued = eventsOn(notebook(name).orElseThrow()).size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(18)).untilAsserted(() -> assertThat(
                        eventsOn(notebook(name).orElseThrow()).size())
                .as("an event is re-issued once, not on every pass")
                .isLessThanOrEqualTo(reissued + 2));
    }

    private String versions(String name) {
        return statefulSet(name).orElseThrow().getMetadata().getResourceVersion() + "/"
                + service(name).orElseThrow().getMetadata().getResourceVersion() + "/"
                + notebook(name).orElseThrow().getMetadata().getResourceVersion();
    }

    static String jwaNotebook(String name, String image, String extraLabels) {
        return """
                apiVersion: kubeflow.org/v1beta1
                kind: Notebook
                metadata:
                  name: %1$s
                  namespace: %3$s
                  labels:
                    app: %1$s
                %4$s  annotations:
                    notebooks.kubeflow.org/server-type: jupyter
                    notebooks.kubeflow.org/creator: alice@example.com
                    team.example.com/cost-center: ml
                spec:
                  template:
                    spec:
                      serviceAccountName: default-editor
                      containers:
                      - name: %1$s
                        image: %2$s
                        imagePullPolicy: IfNotPresent
                        resources:
                          requests:
                            cpu: "0.5"
                            memory: 1Gi
                          limits:
                            cpu: "0.6"
                            memory: 1.2Gi
                        volumeMounts:
                        - name: dshm
                          mountPath: /dev/shm
                      volumes:
                      - name: dshm
                        emptyDir:
                          medium: Memory
                """
                .formatted(name, image, NAMESPACE, extraLabels.replace("    ", "    "));
    }

    static String podDefault(String name, String label, String env, String value) {
        return """
                apiVersion: kubeflow.org/v1alpha1
                kind: PodDefault
                metadata:
                  name: %1$s
                  namespace: %2$s
                spec:
                  desc: %1$s
                  selector:
                    matchLabels:
                      %3$s: "true"
                  env:
                  - name: %4$s
                    value: %5$s
                """
                .formatted(name, NAMESPACE, label, env, value);
    }

    private Optional<Notebook> notebook(String name) {
        return get(NOTEBOOKS, name);
    }

    private Optional<V1StatefulSet> statefulSet(String name) {
        return get(ResourceTypes.STATEFUL_SET, name);
    }

    private Optional<V1Service> service(String name) {
        return get(ResourceTypes.SERVICE, name);
    }

    private <T extends KubernetesObject> Optional<T> get(
            dev.notebooks.platform.kube.ResourceType<T> type, String name) {
        try {
            return client.get(type, NAMESPACE, name);
        } catch (ApiException e) {
            throw new AssertionError("GET " + name + ": " + e.getCode(), e);
        }
    }

    private List<CoreV1Event> eventsOn(Notebook notebook) throws ApiException {
        return new io.kubernetes.client.openapi.apis.CoreV1Api(
                        KubernetesFixture.shared().apiClient())
                .listNamespacedEvent(NAMESPACE)
                .fieldSelector("involvedObject.uid=" + notebook.getMetadata().getUid())
                .execute()
                .getItems();
    }

    private static void assertControlledBy(KubernetesObject child, Notebook notebook) {
        assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies((V1OwnerReference owner) -> {
            assertThat(owner.getApiVersion()).isEqualTo("kubeflow.org/v1");
            assertThat(owner.getKind()).isEqualTo("Notebook");
            assertThat(owner.getName()).isEqualTo(notebook.name());
            assertThat(owner.getUid()).isEqualTo(notebook.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
    }

    /** The Notebook's status, or an assertion failure (retried by Awaitility) while it is not written yet. */
    private dev.notebooks.notebook.domain.NotebookStatus statusOf(String name) {
        var status = notebook(name).orElseThrow().getStatus();
        assertThat(status).as("status of %s written", name).isNotNull();
        return status;
    }
}
