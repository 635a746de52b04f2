package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl's copy of the whole object in an annotation is not cached; every other annotation is. */
class LastAppliedDroppedTest {

    @Test
    void theLastAppliedConfigurationIsDroppedAndTheOtherAnnotationsKept() {
        Map<String, String> annotations = new HashMap<>(Map.of(
                LastAppliedDropped.ANNOTATION,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}",
                "notebooks.kubeflow.org/last-activity",
                "2026-12-07T06:00:00Z"));
        V1ConfigMap applied =
                new V1ConfigMap().metadata(new V1ObjectMeta().name("applied").annotations(annotations));

        V1ConfigMap cached = (V1ConfigMap) LastAppliedDropped.INSTANCE.transform(applied);

        assertThat(cached.getMetadata().getAnnotations())
                .containsOnly(Map.entry("notebooks.kubeflow.org/last-activity", "2026-12-07T06:00:00Z"));
    }

    @Test
    void anObjectWithoutAnnotationsIsLeftAsItIs() {
        V1ConfigMap bare = new V1ConfigMap().metadata(new V1ObjectMeta().name("bare"));

        assertThat(LastAppliedDropped.INSTANCE.transform(bare))
                .isEqualTo(new V1ConfigMap().metadata(new V1ObjectMeta().name("bare")));
    }
}
