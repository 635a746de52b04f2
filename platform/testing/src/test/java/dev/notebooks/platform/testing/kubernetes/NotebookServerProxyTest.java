package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The API server's service proxy reaches the simulated notebook server of a ready pod, as Kubeflow's culler does with
 * {@code DEV=true}; a test sets the activity that server reports.
 */
class NotebookServerProxyTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final SimulatedCluster cluster = SimulatedCluster.shared("proxy");
    private final RawApi raw = RawApi.shared();

    @Test
    void theServiceProxyReachesJupyterWhoseKernelsATestSets() throws Exception {
        notebook("nb", "kubeflownotebookswg/jupyter-scipy:v1.9.0");
        String prefix = "/notebook/" + cluster.namespace + "/nb";
        String proxy = "/api/v1/namespaces/" + cluster.namespace + "/services/nb:http-nb/proxy" + prefix;
        await().atMost(SOON).until(() -> raw.get(proxy + "/api/kernels").status() == 200);
        assertThat(raw.get(proxy + "/api/kernels").body()).isEmpty();
        assertThat(raw.get(proxy + "/api/status").body().path("kernels").asInt())
                .isZero();

        String lastActivity = Instant.parse("2025-03-01T10:00:00Z").toString();
        var set = raw.put(
                "/simulation/v1/namespaces/" + cluster.namespace + "/pods/nb-0/activity",
                """
                {"kernels": [{"id": "k1", "name": "python3", "last_activity": "%s", "execution_state": "busy", "connections": 1}],
                 "terminals": [{"name": "1", "last_activity": "%s"}]}
                """
                        .formatted(lastActivity, lastActivity));

        assertThat(set.status()).isEqualTo(200);
        JsonNode kernels = raw.get(proxy + "/api/kernels").body();
        assertThat(kernels).hasSize(1);
        assertThat(kernels.get(0).path("id").asText()).isEqualTo("k1");
        assertThat(kernels.get(0).path("execution_state").asText()).isEqualTo("busy");
        assertThat(kernels.get(0).path("last_activity").asText()).isEqualTo(lastActivity);
        assertThat(kernels.get(0).path("connections").asInt()).isEqualTo(1);
        assertThat(raw.get(proxy + "/api/terminals")
                        .body()
                        .get(0)
                        .path("last_activity")
                        .asText())
                .isEqualTo(lastActivity);
        assertThat(raw.get(proxy + "/api/status").body().path("connections").asInt())
                .isEqualTo(1);
        assertThat(raw.get("/api/v1/namespaces/" + cluster.namespace + "/services/nb:http-nb/proxy/api/kernels")
                        .status())
                .as("outside NB_PREFIX Jupyter has nothing")
                .isEqualTo(404);
    }

    @Test
    void codeServerAnswersItsHeartbeatAndRStudioHasNoActivityApi() throws Exception {
        notebook("code", "kubeflownotebookswg/codeserver-python:v1.9.0");
        notebook("rs", "kubeflownotebookswg/rstudio-tidyverse:v1.9.0");
        String code = "/api/v1/namespaces/" + cluster.namespace + "/services/code:http-code/proxy";
        await().atMost(SOON).until(() -> raw.get(code + "/healthz").status() == 200);
        assertThat(raw.get(code + "/healthz").body().path("status").asText()).isEqualTo("expired");
        assertThat(raw.get(code + "/healthz").body().path("lastHeartbeat").asLong())
                .isZero();

        long now = System.currentTimeMillis();
        raw.put(
                "/simulation/v1/namespaces/" + cluster.namespace + "/pods/code-0/activity",
                "{\"lastHeartbeat\": " + now + "}");

        assertThat(raw.get(code + "/healthz").body().path("status").asText()).isEqualTo("alive");
        assertThat(raw.get(code + "/healthz").body().path("lastHeartbeat").asLong())
                .isEqualTo(now);
        String rstudio = "/api/v1/namespaces/" + cluster.namespace + "/services/rs:http-rs/proxy";
        await().atMost(SOON).until(() -> raw.get(rstudio + "/").status() == 200);
        assertThat(raw.get(rstudio + "/api/kernels").status()).isEqualTo(404);
    }

    @Test
    void withoutAReadyPodTheProxyHasNoEndpointsAndThePodLogAnswersOnceItRuns() throws Exception {
        notebook("later", "kubeflownotebookswg/jupyter:v1.9.0");
        String proxy = "/api/v1/namespaces/" + cluster.namespace + "/services/later:http-later/proxy/";
        var early = raw.get("/api/v1/namespaces/" + cluster.namespace + "/services/missing:80/proxy/");
        assertThat(early.status()).isEqualTo(404);

        await().atMost(SOON).until(() -> cluster.ready("later-0"));
        String log =
                cluster.core.readNamespacedPodLog("later-0", cluster.namespace).execute();

        assertThat(log).contains("Jupyter Server").contains("/notebook/" + cluster.namespace + "/later/lab");
        assertThat(raw.get(proxy).status()).isEqualTo(404);
        cluster.apps.deleteNamespacedStatefulSet("later", cluster.namespace).execute();
        await().atMost(SOON).until(() -> raw.get(proxy).status() == 503);
        assertThat(raw.get(proxy).body().path("message").asText())
                .isEqualTo("no endpoints available for service \"later\"");
    }

    /** A StatefulSet and Service as Kubeflow's notebook controller makes them. */
    private void notebook(String name, String image) throws Exception {
        cluster.apps
                .createNamespacedStatefulSet(
                        cluster.namespace,
                        cluster.load(
                                V1StatefulSet.class,
                                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: NAME}
                spec:
                  serviceName: NAME
                  selector: {matchLabels: {statefulset: NAME}}
                  template:
                    metadata: {labels: {statefulset: NAME, notebook-name: NAME}}
                    spec:
                      containers:
                      - name: NAME
                        image: IMAGE
                        ports: [{name: notebook-port, containerPort: 8888}]
                        env: [{name: NB_PREFIX, value: /notebook/%s/NAME}]
                """
                                        .replace("NAME", name)
                                        .replace("IMAGE", image)))
                .execute();
        cluster.core
                .createNamespacedService(
                        cluster.namespace,
                        cluster.load(
                                V1Service.class,
                                """
                apiVersion: v1
                kind: Service
                metadata: {name: NAME}
                spec:
                  selector: {statefulset: NAME}
                  ports: [{name: http-NAME, port: 80, targetPort: 8888, protocol: TCP}]
                """
                                        .replace("NAME", name)))
                .execute();
    }
}
