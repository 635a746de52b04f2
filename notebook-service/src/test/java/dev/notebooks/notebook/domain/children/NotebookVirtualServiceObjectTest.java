package dev.notebooks.notebook.domain.children;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotebookVirtualServiceObjectTest {

    private static final ChildSettings.IstioSettings ISTIO = ChildSettings.IstioSettings.defaults();

    @Test
    void aJupyterServerIsRoutedUnderItsPrefixWithoutRewriteOrHeaders() {
        Map<String, Object> vs = NotebookVirtualServiceObject.desired(TestNotebooks.jupyter("nb"), ISTIO)
                .orElseThrow();

        assertThat(vs)
                .containsEntry("apiVersion", "networking.istio.io/v1alpha3")
                .containsEntry("kind", "VirtualService");
        assertThat(metadata(vs))
                .containsEntry("name", "notebook-kubeflow-user-nb")
                .containsEntry("namespace", "kubeflow-user");
        assertThat(json(vs.get("spec")))
                .isEqualTo(
                        "{\"gateways\":[\"kubeflow/kubeflow-gateway\"],\"hosts\":[\"*\"],\"http\":[{"
                                + "\"headers\":{\"request\":{\"set\":{}}},"
                                + "\"match\":[{\"uri\":{\"prefix\":\"/notebook/kubeflow-user/nb/\"}}],"
                                + "\"rewrite\":{\"uri\":\"/notebook/kubeflow-user/nb/\"},"
                                + "\"route\":[{\"destination\":{\"host\":\"nb.kubeflow-user.svc.cluster.local\",\"port\":{\"number\":80}}}]}]}");
    }

    @Test
    void rstudioIsRewrittenToTheRootWithItsRootPathHeader() {
        Notebook notebook = TestNotebooks.jupyter("rs");
        notebook.getMetadata().putAnnotationsItem("notebooks.kubeflow.org/http-rewrite-uri", "/");
        notebook.getMetadata()
                .putAnnotationsItem(
                        "notebooks.kubeflow.org/http-headers-request-set",
                        "{\"X-RStudio-Root-Path\":\"/notebook/kubeflow-user/rs/\"}");

        Map<String, Object> route =
                route(NotebookVirtualServiceObject.desired(notebook, ISTIO).orElseThrow());

        assertThat(route.get("rewrite")).isEqualTo(Map.of("uri", "/"));
        assertThat(route.get("headers"))
                .isEqualTo(
                        Map.of("request", Map.of("set", Map.of("X-RStudio-Root-Path", "/notebook/kubeflow-user/rs/"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"a\"]", "{\"a\": 1}", "{\"a\": \"b\", \"c\": {}}"})
    void headersThatAreNotAnObjectOfStringsGiveNone(String annotation) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem("notebooks.kubeflow.org/http-headers-request-set", annotation);

        assertThat(route(NotebookVirtualServiceObject.desired(notebook, ISTIO).orElseThrow())
                        .get("headers"))
                .isEqualTo(Map.of("request", Map.of("set", Map.of())));
    }

    @Test
    void gatewayHostAndClusterDomainAreSettings() {
        var istio = new ChildSettings.IstioSettings(true, "istio-system/main", "notebooks.example.com", "corp.local");

        Map<String, Object> vs = NotebookVirtualServiceObject.desired(TestNotebooks.jupyter("nb"), istio)
                .orElseThrow();

        assertThat(json(vs.get("spec")))
                .contains("\"gateways\":[\"istio-system/main\"]")
                .contains("\"hosts\":[\"notebooks.example.com\"]")
                .contains("nb.kubeflow-user.svc.corp.local");
    }

    @Test
    void noneWithoutIstio() {
        assertThat(NotebookVirtualServiceObject.desired(TestNotebooks.jupyter("nb"), ChildSettings.IstioSettings.off()))
                .isEmpty();
    }

    @Test
    void theStoredSpecReadBackAsJsonNeedsNoUpdateButAChangedRewriteDoes() {
        Map<String, Object> desired = NotebookVirtualServiceObject.desired(TestNotebooks.jupyter("nb"), ISTIO)
                .orElseThrow();
        Map<String, Object> stored = readBack(desired);

        assertThat(NotebookVirtualServiceObject.needsUpdate(desired, stored)).isFalse();

        Notebook rewritten = TestNotebooks.jupyter("nb");
        rewritten.getMetadata().putAnnotationsItem("notebooks.kubeflow.org/http-rewrite-uri", "/");
        assertThat(NotebookVirtualServiceObject.needsUpdate(
                        NotebookVirtualServiceObject.desired(rewritten, ISTIO).orElseThrow(), stored))
                .isTrue();
    }

    @Test
    void anExtraRouteSomeoneAddedIsPutBack() {
        Map<String, Object> desired = NotebookVirtualServiceObject.desired(TestNotebooks.jupyter("nb"), ISTIO)
                .orElseThrow();
        Map<String, Object> stored = readBack(desired);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) stored.get("spec");
        spec.put("tcp", List.of(Map.of("route", List.of())));

        assertThat(NotebookVirtualServiceObject.needsUpdate(desired, stored)).isTrue();
    }

    /** As a JSON parser hands back what the API server stored: numbers as doubles. */
    private static Map<String, Object> readBack(Map<String, Object> object) {
        Gson gson = new Gson();
        return gson.fromJson(gson.toJson(object), new TypeToken<Map<String, Object>>() {}.getType());
    }

    private static String json(Object value) {
        return dev.notebooks.notebook.domain.KubeModels.tree(value).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> vs) {
        return (Map<String, Object>) vs.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> route(Map<String, Object> vs) {
        Map<String, Object> spec = (Map<String, Object>) vs.get("spec");
        return ((List<Map<String, Object>>) spec.get("http")).get(0);
    }
}
