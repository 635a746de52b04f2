package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The informer caches keep who wrote which top-level field, not every leaf of every field manager's set. */
class ManagedFieldsSummaryTest {

    private static final OffsetDateTime WRITTEN = OffsetDateTime.parse("2026-12-07T02:00:00Z");

    @Test
    void aCachedEntryKeepsItsManagerTimeAndTopLevelFieldsOnly() {
        V1ConfigMap cached = (V1ConfigMap) ManagedFieldsSummary.INSTANCE.transform(configMap());

        V1ManagedFieldsEntry entry = cached.getMetadata().getManagedFields().get(0);
        assertThat(entry.getManager()).isEqualTo("kubectl-client-side-apply");
        assertThat(entry.getOperation()).isEqualTo("Update");
        assertThat(entry.getTime()).isEqualTo(WRITTEN);
        assertThat(entry.getFieldsV1()).isEqualTo(Map.of("f:data", Map.of(), "f:metadata", Map.of()));
        assertThat(String.valueOf(entry.getFieldsV1())).contains("f:data").doesNotContain("f:spawner");
    }

    @Test
    void objectsWithTheSameTopLevelFieldsShareOneSummary() {
        V1ConfigMap first = (V1ConfigMap) ManagedFieldsSummary.INSTANCE.transform(configMap());
        V1ConfigMap second = (V1ConfigMap) ManagedFieldsSummary.INSTANCE.transform(configMap());

        assertThat(second.getMetadata().getManagedFields().get(0).getFieldsV1())
                .isSameAs(first.getMetadata().getManagedFields().get(0).getFieldsV1());
    }

    @Test
    void anObjectWithoutManagedFieldsIsLeftAsItIs() {
        V1ConfigMap bare = new V1ConfigMap().metadata(new V1ObjectMeta().name("bare"));

        assertThat(ManagedFieldsSummary.INSTANCE.transform(bare))
                .isEqualTo(new V1ConfigMap().metadata(new V1ObjectMeta().name("bare")));
    }

    private static V1ConfigMap configMap() {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta()
                        .name("jupyter-web-app-config")
                        .managedFields(List.of(new V1ManagedFieldsEntry()
                                .manager("kubectl-client-side-apply")
                                .operation("Update")
                                .time(WRITTEN)
                                .fieldsV1(Map.of(
                                        "f:data", Map.of("f:spawner_ui_config.yaml", Map.of()),
                                        "f:metadata", Map.of("f:labels", Map.of("f:app", Map.of())))))));
    }
}
