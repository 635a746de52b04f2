package dev.notebooks.platform.kube.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalizersTest {

    @Test
    void thePatchWritesTheWholeListBoundToTheResourceVersionItWasComputedFrom() {
        assertThat(Finalizers.patch("12", List.of("a", "b")))
                .hasToString("[{\"op\":\"add\",\"path\":\"/metadata/resourceVersion\",\"value\":\"12\"},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"a\",\"b\"]}]");
    }

    @Test
    void hasLooksForTheFinalizerByName() {
        V1ConfigMap object = new V1ConfigMap().metadata(new V1ObjectMeta().finalizers(List.of("x/cleanup")));

        assertThat(Finalizers.has(object, "x/cleanup")).isTrue();
        assertThat(Finalizers.has(object, "y/cleanup")).isFalse();
        assertThat(Finalizers.has(new V1ConfigMap().metadata(new V1ObjectMeta()), "x/cleanup"))
                .isFalse();
    }
}
