package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InformerCacheFormTest {

    private static V1ObjectMeta metadata() {
        return new V1ObjectMeta()
                .name("x")
                .namespace("team")
                .annotations(new HashMap<>(Map.of(LastAppliedDropped.ANNOTATION, "{}", "keep", "me")))
                .managedFields(new ArrayList<>(List.of(new V1ManagedFieldsEntry()
                        .manager("spawner")
                        .operation("Apply")
                        .fieldsV1(Map.of("f:data", Map.of("f:spawner_ui_config.yaml", Map.of()))))));
    }

    @Test
    void aConfigMapKeepsWhoWroteWhichTopLevelField() {
        V1ConfigMap cached = (V1ConfigMap)
                InformerCache.cachedForm(ResourceTypes.CONFIG_MAP).transform(new V1ConfigMap().metadata(metadata()));

        assertThat(cached.getMetadata().getManagedFields()).singleElement().satisfies(entry -> {
            assertThat(entry.getManager()).isEqualTo("spawner");
            assertThat(entry.getFieldsV1()).isEqualTo(Map.of("f:data", Map.of()));
        });
        assertThat(cached.getMetadata().getAnnotations()).containsOnly(Map.entry("keep", "me"));
    }

    @Test
    void eventsAndPodsKeepNoWriters() {
        CoreV1Event event = (CoreV1Event)
                InformerCache.cachedForm(ResourceTypes.EVENT).transform(new CoreV1Event().metadata(metadata()));
        V1Pod pod = (V1Pod) InformerCache.cachedForm(ResourceTypes.POD).transform(new V1Pod().metadata(metadata()));

        assertThat(event.getMetadata().getManagedFields()).isNull();
        assertThat(pod.getMetadata().getManagedFields()).isNull();
        assertThat(pod.getMetadata().getAnnotations()).containsOnly(Map.entry("keep", "me"));
    }

    @Test
    void aResyncHandsBackACachedObjectAndItIsKeptAsItIs() {
        var form = InformerCache.cachedForm(ResourceTypes.CONFIG_MAP);
        V1ConfigMap cached = (V1ConfigMap) form.transform(new V1ConfigMap().metadata(metadata()));
        V1ConfigMap before = KubeJson.copy(cached);

        assertThat(form.transform(cached)).isEqualTo(before);
    }
}
