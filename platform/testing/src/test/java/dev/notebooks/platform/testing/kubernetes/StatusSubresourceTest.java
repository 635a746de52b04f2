package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes to a Profile's status subresource with the query parameters controllers send, e.g. {@code fieldManager}. */
class StatusSubresourceTest {

    private static final String FIELD_MANAGER = "profile-service";
    private static final String READY =
            "{\"conditions\": [{\"type\": \"Ready\", \"status\": \"True\", \"reason\": \"Reconciled\"}]}";

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final DynamicKubernetesApi profiles = new DynamicKubernetesApi("kubeflow.org", "v1", "profiles", client);
    private final String name = "status-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void statusJsonPatchWithAFieldManagerChangesTheStatus() throws Exception {
        create();

        patchStatus(
                V1Patch.PATCH_FORMAT_JSON_PATCH,
                "[{\"op\": \"add\", \"path\": \"/status\", \"value\": " + READY + "}]");

        assertThat(readyCondition()).isEqualTo("True");
    }

    @Test
    void statusMergePatchWithAFieldManagerChangesTheStatus() throws Exception {
        create();

        patchStatus(V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, "{\"status\": " + READY + "}");

        assertThat(readyCondition()).isEqualTo("True");
    }

    @Test
    void statusReplaceWithAFieldManagerChangesTheStatus() throws Exception {
        JsonObject profile = create().getRaw();
        profile.add("status", JsonParser.parseString(READY));

        new CustomObjectsApi(client)
                .replaceClusterCustomObjectStatus("kubeflow.org", "v1", "profiles", name, profile)
                .fieldManager(FIELD_MANAGER)
                .execute();

        assertThat(readyCondition()).isEqualTo("True");
    }

    @Test
    void objectPatchWithAFieldManagerLeavesTheStatusAlone() throws Exception {
        create();
        patchStatus(V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, "{\"status\": " + READY + "}");

        var options = new PatchOptions();
        options.setFieldManager(FIELD_MANAGER);
        profiles.patch(
                        name,
                        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                        new V1Patch(
                                "{\"metadata\": {\"labels\": {\"step\": \"patched\"}}, \"status\": {\"conditions\": []}}"),
                        options)
                .throwsApiException();

        assertThat(stored().getMetadata().getLabels()).containsEntry("step", "patched");
        assertThat(readyCondition()).isEqualTo("True");
    }

    @Test
    void createWithAFieldManagerLeavesTheStatusOut() throws Exception {
        var options = new CreateOptions();
        options.setFieldManager(FIELD_MANAGER);
        profiles.create(Dynamics.newFromJson(profileWithStatus()), options).throwsApiException();

        assertThat(stored().getRaw().has("status")).isFalse();
    }

    private DynamicKubernetesObject create() throws Exception {
        return profiles.create(Dynamics.newFromJson(
                        """
                        {"apiVersion": "kubeflow.org/v1", "kind": "Profile", "metadata": {"name": "%s"},
                         "spec": {"owner": {"kind": "User", "name": "alice@example.com"}}}"""
                                .formatted(name)))
                .throwsApiException()
                .getObject();
    }

    private String profileWithStatus() {
        return """
                {"apiVersion": "kubeflow.org/v1", "kind": "Profile", "metadata": {"name": "%s"},
                 "spec": {"owner": {"kind": "User", "name": "alice@example.com"}}, "status": %s}"""
                .formatted(name, READY);
    }

    private void patchStatus(String patchFormat, String patch) throws Exception {
        PatchUtils.patch(
                Object.class,
                () -> new CustomObjectsApi(client)
                        .patchClusterCustomObjectStatus("kubeflow.org", "v1", "profiles", name, new V1Patch(patch))
                        .fieldManager(FIELD_MANAGER)
                        .buildCall(null),
                patchFormat,
                client);
    }

    private DynamicKubernetesObject stored() throws Exception {
        return profiles.get(name).throwsApiException().getObject();
    }

    private String readyCondition() throws Exception {
        JsonElement status = stored().getRaw().get("status");
        assertThat(status).as("status of profile %s", name).isInstanceOf(JsonObject.class);
        return status.getAsJsonObject()
                .getAsJsonArray("conditions")
                .get(0)
                .getAsJsonObject()
                .get("status")
                .getAsString();
    }
}
