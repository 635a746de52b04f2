package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.PatchUtils;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoreObjectCrudTest {

    private static final String NAMESPACE = "default";

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final CoreV1Api core = new CoreV1Api(client);
    private final String name = "settings-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void configMapIsCreatedReadUpdatedPatchedAndDeletedThroughTheTypedClient() throws Exception {
        // the typed client leaves kind and apiVersion out, as it does against a real server
        V1ConfigMap created = core.createNamespacedConfigMap(
                        NAMESPACE,
                        new V1ConfigMap()
                                .metadata(new V1ObjectMeta().name(name))
                                .data(Map.of("a", "1")))
                .execute();
        assertThat(created.getKind()).isEqualTo("ConfigMap");
        assertThat(created.getApiVersion()).isEqualTo("v1");

        V1ConfigMap read = core.readNamespacedConfigMap(name, NAMESPACE).execute();
        assertThat(read.getData()).containsEntry("a", "1");
        assertThat(read.getMetadata().getUid()).isNotBlank();

        V1ConfigMap replaced = core.replaceNamespacedConfigMap(name, NAMESPACE, read.data(Map.of("a", "2")))
                .execute();
        assertThat(replaced.getData()).containsEntry("a", "2");

        V1ConfigMap patched = PatchUtils.patch(
                V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap(name, NAMESPACE, new V1Patch("{\"data\": {\"b\": \"3\"}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
        assertThat(patched.getData()).containsEntry("a", "2").containsEntry("b", "3");

        V1Status deleted = core.deleteNamespacedConfigMap(name, NAMESPACE).execute();
        assertThat(deleted.getStatus()).isEqualTo("Success");
        assertThat(notFound()).isNotNull();
    }

    @Test
    void replacingWithAStaleResourceVersionIsAConflict() throws Exception {
        V1ConfigMap created = core.createNamespacedConfigMap(
                        NAMESPACE, new V1ConfigMap().metadata(new V1ObjectMeta().name(name)))
                .execute();
        core.replaceNamespacedConfigMap(name, NAMESPACE, created.data(Map.of("first", "writer")))
                .execute();

        ApiException conflict = catchThrowableOfType(ApiException.class, () -> core.replaceNamespacedConfigMap(
                        name, NAMESPACE, created.data(Map.of("second", "writer")))
                .execute());

        assertThat(conflict.getCode()).isEqualTo(409);
    }

    @Test
    void strategicMergePatchMergesTheConfigMapsData() throws Exception {
        core.createNamespacedConfigMap(
                        NAMESPACE,
                        new V1ConfigMap()
                                .metadata(new V1ObjectMeta().name(name))
                                .data(Map.of("a", "1")))
                .execute();

        V1ConfigMap patched = PatchUtils.patch(
                V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap(name, NAMESPACE, new V1Patch("{\"data\": {\"b\": \"3\"}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
                client);

        assertThat(patched.getData()).containsEntry("a", "1").containsEntry("b", "3");
    }

    private ApiException notFound() {
        ApiException missing =
                catchThrowableOfType(ApiException.class, () -> core.readNamespacedConfigMap(name, NAMESPACE)
                        .execute());
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("\"reason\":\"NotFound\"");
        return missing;
    }
}
