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

/** JSON merge patch (RFC 7386) as a real API server applies it. */
class MergePatchTest {

    private static final String NAMESPACE = "default";

    private final DynamicKubernetesApi notebooks = new DynamicKubernetesApi(
            "kubeflow.org", "v1", "notebooks", KubernetesFixture.shared().apiClient());
    private final String name = "merged-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void listInAMergePatchReplacesTheStoredList() throws Exception {
        create("\"finalizers\": [\"a\"]");

        mergePatch("{\"metadata\": {\"finalizers\": [\"a\", \"b\"]}}");
        assertThat(stored().getFinalizers()).containsExactly("a", "b");

        mergePatch("{\"metadata\": {\"finalizers\": [\"b\"]}}");
        assertThat(stored().getFinalizers()).containsExactly("b");
    }

    @Test
    void objectsInAMergePatchMergeAndANullRemovesTheKey() throws Exception {
        create("\"labels\": {\"team\": \"data\", \"tier\": \"gold\"}");

        mergePatch("{\"metadata\": {\"labels\": {\"tier\": null, \"owner\": \"bob\"}}}");

        assertThat(stored().getLabels()).containsOnlyKeys("team", "owner").containsEntry("owner", "bob");
    }

    @Test
    void mergePatchCarryingAStaleResourceVersionIsAConflictAndChangesNothing() throws Exception {
        String staleVersion = create("\"labels\": {\"step\": \"created\"}").getResourceVersion();
        String currentVersion = mergePatch("{\"metadata\": {\"labels\": {\"step\": \"patched\"}}}")
                .getObject()
                .getMetadata()
                .getResourceVersion();

        var conflict = mergePatch("{\"metadata\": {\"resourceVersion\": \"%s\", \"labels\": {\"step\": \"late\"}}}"
                .formatted(staleVersion));

        assertThat(conflict.getHttpStatusCode()).isEqualTo(409);
        assertThat(stored().getLabels()).containsEntry("step", "patched");
        assertThat(stored().getResourceVersion()).isEqualTo(currentVersion);
    }

    @Test
    void mergePatchCarryingTheCurrentResourceVersionApplies() throws Exception {
        String currentVersion = create("\"labels\": {\"step\": \"created\"}").getResourceVersion();

        var patched = mergePatch("{\"metadata\": {\"resourceVersion\": \"%s\", \"labels\": {\"step\": \"patched\"}}}"
                .formatted(currentVersion));

        assertThat(patched.getHttpStatusCode()).isEqualTo(200);
        assertThat(stored().getLabels()).containsEntry("step", "patched");
        assertThat(stored().getResourceVersion()).isNotEqualTo(currentVersion);
    }

    @Test
    void generationCountsChangesOfTheSpecOnly() throws Exception {
        long created = create("\"labels\": {\"step\": \"created\"}").getGeneration();

        mergePatch("{\"metadata\": {\"labels\": {\"step\": \"labelled\"}}}");
        assertThat(stored().getGeneration()).isEqualTo(created);

        String otherImage =
                "{\"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"main\", \"image\": \"other\"}]}}}}";
        mergePatch(otherImage);
        assertThat(stored().getGeneration()).isEqualTo(created + 1);

        mergePatch(otherImage);
        assertThat(stored().getGeneration()).isEqualTo(created + 1);
    }

    @Test
    void removingTheLastFinalizerOfADeletedObjectDeletesIt() throws Exception {
        create("\"finalizers\": [\"a\", \"b\"]");
        notebooks.delete(NAMESPACE, name).throwsApiException();

        mergePatch("{\"metadata\": {\"finalizers\": [\"b\"]}}").throwsApiException();
        assertThat(stored().getDeletionTimestamp()).isNotNull();

        var removed = mergePatch("{\"metadata\": {\"finalizers\": null}}");

        assertThat(removed.getHttpStatusCode()).isEqualTo(200);
        assertThat(notebooks.get(NAMESPACE, name).getHttpStatusCode()).isEqualTo(404);
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

    private KubernetesApiResponse<DynamicKubernetesObject> mergePatch(String patch) {
        return notebooks.patch(NAMESPACE, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(patch));
    }

    private V1ObjectMeta stored() throws Exception {
        return notebooks.get(NAMESPACE, name).throwsApiException().getObject().getMetadata();
    }
}
