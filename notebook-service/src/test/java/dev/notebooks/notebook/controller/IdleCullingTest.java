package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.ApiWrites;
import dev.notebooks.notebook.Kubectl;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idle culling never stops a notebook whose activity cannot be read, and says so in its status: a server that does not
 * answer, and RStudio, which has no activity source unless one is configured.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleCullingTest implements TestPropertyProvider {

    private static final Duration CHECKED = Duration.ofSeconds(20);
    private static final String NAMESPACE = "kubeflow-culling";

    @Inject
    ResourceClient client;

    @Inject
    ApiClient apiClient;

    private final Kubectl kubectl = new Kubectl();

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("notebooks.culling.enabled", "true")
                .with("notebooks.culling.check-period", "500ms")
                .with("notebooks.culling.idle-time", "1s")
                .with("notebooks.culling.access", "API_SERVER_PROXY")
                .with("notebooks.culling.request-timeout", "2s")
                .build();
    }

    @BeforeAll
    void namespace() {
        KubernetesFixture.shared().ensureNamespaces(NAMESPACE);
    }

    @Test
    void aServerWhoseActivityCannotBeReadIsNeverCulledAndItsStatusSaysSo() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("mute");
        kubectl.apply(notebook(name, "jupyter"));
        running(name);

        await().atMost(CHECKED).untilAsserted(() -> assertThat(
                        notebook(name).getStatus().conditions())
                .anySatisfy(condition -> {
                    assertThat(condition.type()).isEqualTo("IdleCulling");
                    assertThat(condition.status()).isEqualTo("False");
                    assertThat(condition.reason()).isEqualTo("NoActivitySource");
                    assertThat(condition.message()).startsWith("never culled: ").contains("/api/kernels");
                }));
        int mark = ApiWrites.on(apiClient).mark();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(notebook(name).isStopped())
                    .as("idle far beyond its idle time, but unknown")
                    .isFalse();
            assertThat(ApiWrites.on(apiClient).since(mark, "/" + name)).isEmpty();
        });
    }

    @Test
    void rstudioWithoutAConfiguredProbeIsNeverCulled() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("rstudio");
        kubectl.apply(notebook(name, "group-two"));
        running(name);

        await().atMost(CHECKED)
                .untilAsserted(() -> assertThat(notebook(name).getStatus().conditions())
                        .anySatisfy(condition -> {
                            assertThat(condition.type()).isEqualTo("IdleCulling");
                            assertThat(condition.reason()).isEqualTo("NoActivitySource");
                            assertThat(condition.message())
                                    .isEqualTo("never culled: no activity probe is configured for RStudio");
                        }));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(notebook(name).isStopped()).isFalse());
    }

    /** What the StatefulSet controller writes once the pod is ready (until the API double runs pods itself). */
    private void running(String name) throws ApiException {
        V1StatefulSet sts = await().atMost(CHECKED)
                .until(() -> client.get(ResourceTypes.STATEFUL_SET, NAMESPACE, name), Optional::isPresent)
                .get();
        client.jsonPatchStatus(
                ResourceTypes.STATEFUL_SET,
                NAMESPACE,
                name,
                JsonPatch.atResourceVersion(sts.getMetadata().getResourceVersion())
                        .add("/status", KubeJson.element(Map.of("replicas", 1, "readyReplicas", 1))));
        await().atMost(CHECKED)
                .until(() -> notebook(name).getStatus() != null
                        && notebook(name).getStatus().readyReplicas() == 1);
    }

    private Notebook notebook(String name) throws ApiException {
        return client.get(NOTEBOOKS, NAMESPACE, name).orElseThrow();
    }

    private static String notebook(String name, String serverType) {
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
                        image: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
                """
                .formatted(name, NAMESPACE, serverType);
    }
}
