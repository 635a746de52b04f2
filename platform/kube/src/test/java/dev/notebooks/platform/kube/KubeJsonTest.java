package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import java.time.OffsetDateTime;
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

    @Test
    void objectsReadApartShareOneCopyOfEachStringTheyRepeat() {
        String longValue = "x".repeat(CanonicalStrings.LONGEST_INTERNED + 1);
        String json = CONFIG_MAP.replace("\"data\": {", "\"data\": {\"long\": \"" + longValue + "\", ");
        V1ConfigMap first = KubeJson.gson().fromJson(json, V1ConfigMap.class);
        V1ConfigMap second = KubeJson.gson().fromJson(json, V1ConfigMap.class);

        assertThat(second.getMetadata().getNamespace())
                .isEqualTo("kubeflow")
                .isSameAs(first.getMetadata().getNamespace());
        assertThat(second.getData().keySet())
                .allSatisfy(key -> assertThat(first.getData().keySet())
                        .anySatisfy(other -> assertThat(other).isSameAs(key)));
        assertThat(second.getMetadata().getManagedFields().get(0).getManager())
                .isSameAs(first.getMetadata().getManagedFields().get(0).getManager());
        // long values (documents, messages) are read as they are
        assertThat(second.getData().get("long"))
                .isEqualTo(longValue)
                .isNotSameAs(first.getData().get("long"));
    }

    @Test
    void aTimeReadAgainIsTheInstanceReadBefore() {
        String json = CONFIG_MAP.replace(
                "\"namespace\": \"kubeflow\",",
                "\"namespace\": \"kubeflow\", \"creationTimestamp\": \"2025-03-01T10:00:00Z\",");
        V1ConfigMap first = KubeJson.gson().fromJson(json, V1ConfigMap.class);
        V1ConfigMap second = KubeJson.gson().fromJson(json, V1ConfigMap.class);

        assertThat(first.getMetadata().getCreationTimestamp())
                .isEqualTo(OffsetDateTime.parse("2025-03-01T10:00:00Z"))
                .isSameAs(first.getMetadata().getManagedFields().get(0).getTime())
                .isSameAs(second.getMetadata().getCreationTimestamp());
    }

    @Test
    void theRememberedTimesAreForgottenWhenTheTableIsFull() {
        CanonicalTimes times = new CanonicalTimes();
        OffsetDateTime start = OffsetDateTime.parse("2025-03-01T10:00:00Z");
        OffsetDateTime first = times.canonical(start);
        for (int i = 1; i <= CanonicalTimes.REMEMBERED; i++) {
            times.canonical(start.plusSeconds(i));
        }

        OffsetDateTime again = OffsetDateTime.parse("2025-03-01T10:00:00Z");
        assertThat(times.canonical(again)).isEqualTo(first).isNotSameAs(first);
    }
}
