package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.ApiWrites;
import dev.notebooks.notebook.Kubectl;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idle culling end to end against the API double's simulated notebook servers, reached through the API server's
 * service proxy as in the local stack: an idle Jupyter server is culled (announced and audited), a busy kernel or a
 * terminal in use keeps it, code-server by its heartbeat, and a server whose activity cannot be read (RStudio without a
 * probe) is never culled and says so. The idle time is seconds here; the rules are those of minutes.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleCullingTest implements TestPropertyProvider {

    private static final Duration IDLE_TIME = Duration.ofSeconds(4);
    private static final Duration CULLED = Duration.ofSeconds(30);
    private static final Duration KEPT = Duration.ofSeconds(IDLE_TIME.toSeconds() * 2);
    private static final String NAMESPACE = "kubeflow-culling";
    private static final String JUPYTER = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    private static final String CODESERVER = "ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0";
    private static final String RSTUDIO = "ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    // the test's own writes and reads go through a test client (not recorded as the service), signed as the service
    private final ResourceClient client =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("notebook-service"));

    // the service's own client: ApiWrites counts what the service writes
    @Inject
    ApiClient apiClient;

    @Inject
    AuditLog auditLog;

    private final Kubectl kubectl = new Kubectl();
    private final EventTopicReader topic = new EventTopicReader(Topics.NOTEBOOKS);

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("notebooks.culling.enabled", "true")
                .with("notebooks.culling.check-period", "500ms")
                .with("notebooks.culling.idle-time", IDLE_TIME.toMillis() + "ms")
                .with("notebooks.culling.access", "API_SERVER_PROXY")
                .with("notebooks.culling.request-timeout", "2s")
                .build();
    }

    @BeforeAll
    void namespace() {
        KubernetesFixture.shared().ensureNamespaces(NAMESPACE);
    }

    @Test
    void anIdleJupyterServerIsCulledAnnouncedAndAudited() {
        String name = NotebookServiceFixtures.uniqueName("idle");
        kubectl.apply(notebook(name, "jupyter", JUPYTER));
        awaitRunning(name);
        setActivity(
                name,
                """
                {"kernels": [{"id": "k1", "execution_state": "idle", "last_activity": "2020-01-01T00:00:00.000000Z"}]}
                """);

        await().atMost(CULLED).until(() -> notebook(name).isStopped());
        Notebook culled = notebook(name);
        assertThat(culled.annotations().get(NotebookAnnotations.STOPPED))
                .isEqualTo(culled.annotations().get(NotebookAnnotations.CULLED_AT));
        assertThat(culled.annotations()).containsKey(NotebookAnnotations.LAST_ACTIVITY);

        String subject = Subjects.namespaced(NAMESPACE, name);
        await().atMost(CULLED).untilAsserted(() -> assertThat(topic.typesAbout(subject))
                .containsExactly("notebook.created.v1", "notebook.started.v1", "notebook.culled.v1"));
        NotebookCulled event = topic.eventsAbout(subject).get(2).dataAs(NotebookCulled.class);
        assertThat(event.actor().via()).isEqualTo("controller");
        assertThat(event.reason()).startsWith("idle for ");
        assertThat(event.lastActivity()).isNotNull();
        assertThat(auditLog.find(AuditQuery.newestFirst().withResource("Notebook", NAMESPACE, name))
                        .items())
                .extracting(AuditRecord::action)
                .contains("notebook.cull");
    }

    @Test
    void aBusyKernelKeepsItsServerRunning() {
        String name = NotebookServiceFixtures.uniqueName("busy");
        kubectl.apply(notebook(name, "jupyter", JUPYTER));
        awaitRunning(name);
        setActivity(
                name,
                """
                {"kernels": [{"id": "k1", "execution_state": "busy", "last_activity": "2020-01-01T00:00:00.000000Z"}]}
                """);

        await().during(KEPT).atMost(KEPT.plusSeconds(15)).until(() -> !notebook(name)
                .isStopped());
    }

    @Test
    void aTerminalInUseKeepsItsServerRunningAndItsEndLetsItBeCulled() {
        String name = NotebookServiceFixtures.uniqueName("term");
        kubectl.apply(notebook(name, "jupyter", JUPYTER));
        awaitRunning(name);

        // someone types in a terminal (Kubeflow's culler, which reads only kernels, stops this server)
        await().during(KEPT)
                .atMost(KEPT.plusSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    setActivity(
                            name,
                            """
                    {"terminals": [{"name": "1", "last_activity": "%s"}]}
                    """
                                    .formatted(Instant.now()));
                    return !notebook(name).isStopped();
                });

        await().atMost(CULLED).until(() -> notebook(name).isStopped());
    }

    @Test
    void codeServerIsKeptByItsHeartbeatAndCulledWhenItStops() {
        String name = NotebookServiceFixtures.uniqueName("code");
        kubectl.apply(notebook(name, "group-one", CODESERVER));
        awaitRunning(name);

        await().during(KEPT)
                .atMost(KEPT.plusSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    setActivity(
                            name,
                            """
                    {"lastHeartbeat": %d}
                    """
                                    .formatted(Instant.now().toEpochMilli()));
                    return !notebook(name).isStopped();
                });
        assertThat(notebook(name).getStatus().conditions()).anySatisfy(condition -> {
            assertThat(condition.type()).isEqualTo("IdleCulling");
            assertThat(condition.status()).isEqualTo("True");
            assertThat(condition.message()).contains("/healthz");
        });

        await().atMost(CULLED).until(() -> notebook(name).isStopped());
    }

    @Test
    void rstudioWithoutAConfiguredProbeIsNeverCulledAndItsStatusSaysSo() {
        String name = NotebookServiceFixtures.uniqueName("rstudio");
        kubectl.apply(notebook(name, "group-two", RSTUDIO));
        awaitRunning(name);

        await().atMost(CULLED)
                .untilAsserted(() -> assertThat(notebook(name).getStatus().conditions())
                        .anySatisfy(condition -> {
                            assertThat(condition.type()).isEqualTo("IdleCulling");
                            assertThat(condition.status()).isEqualTo("False");
                            assertThat(condition.reason()).isEqualTo("NoActivitySource");
                            assertThat(condition.message())
                                    .isEqualTo("never culled: no activity probe is configured for RStudio");
                        }));
        int mark = ApiWrites.on(apiClient).mark();
        await().during(KEPT).atMost(KEPT.plusSeconds(15)).untilAsserted(() -> {
            assertThat(notebook(name).isStopped())
                    .as("idle far beyond its idle time, but unknown")
                    .isFalse();
            assertThat(ApiWrites.on(apiClient).since(mark, "/" + name))
                    .as("an idle notebook costs no writes")
                    .isEmpty();
        });
    }

    private void awaitRunning(String name) {
        await().atMost(CULLED)
                .until(() -> notebook(name).getStatus() != null
                        && notebook(name).getStatus().readyReplicas() == 1);
    }

    /** What the pod's simulated server reports from now on (the API double's own call, not a Kubernetes API). */
    private static void setActivity(String name, String json) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(KubernetesFixture.shared().serverUrl()
                                    + "/simulation/v1/namespaces/" + NAMESPACE + "/pods/" + name + "-0/activity"))
                            .PUT(HttpRequest.BodyPublishers.ofString(json))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Notebook notebook(String name) {
        try {
            return client.get(NOTEBOOKS, NAMESPACE, name).orElseThrow();
        } catch (ApiException e) {
            throw new AssertionError(e);
        }
    }

    private static String notebook(String name, String serverType, String image) {
        return """
                apiVersion: kubeflow.org/v1beta1
                kind: Notebook
                metadata:
                  name: %1$s
                  namespace: %2$s
                  annotations:
                    notebooks.kubeflow.org/server-type: %3$s
                spec:
                  template:
                    spec:
                      containers:
                      - name: %1$s
                        image: %4$s
                """
                .formatted(name, NAMESPACE, serverType, image);
    }
}
