package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON patch (RFC 6902) as a real API server applies it: strictly, all operations or none. */
class JsonPatchTest {

    private static final String NAMESPACE = "default";

    private final DynamicKubernetesApi notebooks = new DynamicKubernetesApi(
            "kubeflow.org", "v1", "notebooks", KubernetesFixture.shared().apiClient());
    private final String name = "patched-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void addingAtTheEndOfTheFinalizersAppendsOne() throws Exception {
        create("\"finalizers\": [\"a\"]");

        var patched = jsonPatch("[{\"op\": \"add\", \"path\": \"/metadata/finalizers/-\", \"value\": \"b\"}]");

        assertThat(patched.getHttpStatusCode()).isEqualTo(200);
        assertThat(stored().getFinalizers()).containsExactly("a", "b");
    }

    @Test
    void addingTheFinalizersListToAnObjectWithoutOneCreatesIt() throws Exception {
        create("\"labels\": {\"team\": \"data\"}");

        var patched = jsonPatch("[{\"op\": \"add\", \"path\": \"/metadata/finalizers\", \"value\": [\"a\"]}]");

        assertThat(patched.getHttpStatusCode()).isEqualTo(200);
        assertThat(stored().getFinalizers()).containsExactly("a");
    }

    @Test
    void addingIntoAListThatDoesNotExistIsUnprocessableAndChangesNothing() throws Exception {
        String createdVersion = create("\"labels\": {\"team\": \"data\"}").getResourceVersion();

        var refused = jsonPatch("[{\"op\": \"add\", \"path\": \"/metadata/finalizers/-\", \"value\": \"a\"}]");

        assertThat(refused.getHttpStatusCode()).isEqualTo(422);
        assertThat(stored().getFinalizers()).isNullOrEmpty();
        assertThat(stored().getResourceVersion()).isEqualTo(createdVersion);
    }

    @Test
    void failingTestOperationIsUnprocessableAndNoOperationApplies() throws Exception {
        String createdVersion = create("\"finalizers\": [\"a\", \"b\"]").getResourceVersion();

        var refused = jsonPatch(
                """
                [{"op": "remove", "path": "/metadata/finalizers/1"},
                 {"op": "test", "path": "/metadata/finalizers/0", "value": "b"},
                 {"op": "remove", "path": "/metadata/finalizers/0"}]""");

        assertThat(refused.getHttpStatusCode()).isEqualTo(422);
        assertThat(stored().getFinalizers()).containsExactly("a", "b");
        assertThat(stored().getResourceVersion()).isEqualTo(createdVersion);
    }

    @Test
    void passingTestOperationLetsTheFollowingOperationsApply() throws Exception {
        create("\"finalizers\": [\"a\", \"b\"]");

        var patched = jsonPatch(
                """
                [{"op": "test", "path": "/metadata/finalizers/0", "value": "a"},
                 {"op": "remove", "path": "/metadata/finalizers/0"}]""");

        assertThat(patched.getHttpStatusCode()).isEqualTo(200);
        assertThat(stored().getFinalizers()).containsExactly("b");
    }

    private V1ObjectMeta create(String metadata) throws Exception {
        String notebook =
                """
                {"apiVersion": "kubeflow.org/v1", "kind": "Notebook",
                 "metadata": {"name": "%s", "namespace": "%s", %s},
                 "spec": {"template": {"spec": {"containers": [{"name": "main", "image": "jupyter"}]}}}}"""
                        .formatted(name, NAMESPACE, metadata);
        return notebooks
                .create(Dynamics.newFromJson(notebook))
                .throwsApiException()
                .getObject()
                .getMetadata();
    }

    private KubernetesApiResponse<DynamicKubernetesObject> jsonPatch(String patch) {
        return notebooks.patch(NAMESPACE, name, V1Patch.PATCH_FORMAT_JSON_PATCH, new V1Patch(patch));
    }

    private V1ObjectMeta stored() throws Exception {
        return notebooks.get(NAMESPACE, name).throwsApiException().getObject().getMetadata();
    }
}
