package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import org.junit.jupiter.api.Test;

class KubeJsonTest {

    private static final String CONFIG_MAP =
            """
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "spawner", "namespace": "kubeflow",
                          "managedFields": [{"manager": "kubectl-edit", "operation": "Update", "apiVersion": "v1",
                                             "time": "2025-03-01T10:00:00Z", "fieldsType": "FieldsV1",
                                             "fieldsV1": {"f:data": {"f:spawner_ui_config.yaml": {}}}}]},
             "data": {"spawner_ui_config.yaml": "spawnerFormDefaults: {}"}}""";

    @Test
    void managedFieldsAreReadAndSurviveACopy() {
        V1ConfigMap read = KubeJson.gson().fromJson(CONFIG_MAP, V1ConfigMap.class);
        V1ConfigMap copy = KubeJson.copy(read);

        for (V1ConfigMap configMap : new V1ConfigMap[] {read, copy}) {
            assertThat(configMap.getMetadata().getManagedFields())
                    .extracting(V1ManagedFieldsEntry::getManager)
                    .containsExactly("kubectl-edit");
            assertThat(configMap.getMetadata().getName()).isEqualTo("spawner");
        }
    }

    @Test
    void anObjectWithoutManagedFieldsIsWrittenWithoutThem() {
        assertThat(KubeJson.tree(new V1ConfigMap()
                                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("plain")))
                        .getAsJsonObject("metadata")
                        .has("managedFields"))
                .isFalse();
    }
}
