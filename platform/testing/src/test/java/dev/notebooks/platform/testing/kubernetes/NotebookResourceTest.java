package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotebookResourceTest {

    private static final String NAMESPACE = "default";

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final String name = "notebook-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void notebookStatusChangesOnlyThroughTheStatusSubresource() throws Exception {
        var notebooks = new DynamicKubernetesApi("kubeflow.org", "v1", "notebooks", client);
        notebooks.create(Dynamics.newFromJson(notebook("kubeflow.org/v1"))).throwsApiException();

        // Kubeflow's CRD requires all three status fields, as a real server checks
        mergePatchStatus("{\"status\": {\"readyReplicas\": 1, \"conditions\": [], \"containerState\": {}}}");
        PatchUtils.patch(
                Object.class,
                () -> new CustomObjectsApi(client)
                        .patchNamespacedCustomObject(
                                "kubeflow.org",
                                "v1",
                                NAMESPACE,
                                "notebooks",
                                name,
                                new V1Patch(
                                        "{\"metadata\": {\"annotations\": {\"kubeflow-resource-stopped\": \"now\"}},"
                                                + " \"status\": {\"readyReplicas\": 5}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);

        JsonObject stored =
                notebooks.get(NAMESPACE, name).throwsApiException().getObject().getRaw();
        assertThat(stored.getAsJsonObject("status").get("readyReplicas").getAsInt())
                .isEqualTo(1);
        assertThat(stored.getAsJsonObject("metadata")
                        .getAsJsonObject("annotations")
                        .get("kubeflow-resource-stopped")
                        .getAsString())
                .isEqualTo("now");
    }

    @Test
    void notebookIsServedInTheOlderVersionsKubeflowServes() throws Exception {
        var notebooks = new DynamicKubernetesApi("kubeflow.org", "v1beta1", "notebooks", client);

        notebooks.create(Dynamics.newFromJson(notebook("kubeflow.org/v1beta1"))).throwsApiException();

        assertThat(notebooks
                        .get(NAMESPACE, name)
                        .throwsApiException()
                        .getObject()
                        .getApiVersion())
                .isEqualTo("kubeflow.org/v1beta1");
    }

    private void mergePatchStatus(String patch) throws Exception {
        PatchUtils.patch(
                Object.class,
                () -> new CustomObjectsApi(client)
                        .patchNamespacedCustomObjectStatus(
                                "kubeflow.org", "v1", NAMESPACE, "notebooks", name, new V1Patch(patch))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
    }

    private String notebook(String apiVersion) {
        return """
                {"apiVersion": "%s", "kind": "Notebook", "metadata": {"name": "%s", "namespace": "%s"},
                 "spec": {"template": {"spec": {"containers": [{"name": "%s", "image": "kubeflownotebookswg/jupyter:v1.9.0"}]}}}}"""
                .formatted(apiVersion, name, NAMESPACE, name);
    }
}
