package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterHistoryDroppedTest {

    @Test
    void managedFieldsAndTheLastAppliedCopyAreDroppedAndTheRestKept() {
        V1Namespace namespace = new V1Namespace()
                .metadata(new V1ObjectMeta()
                        .name("team")
                        .annotations(new HashMap<>(Map.of(
                                "owner",
                                "alice@example.com",
                                LastAppliedDropped.ANNOTATION,
                                "{\"kind\":\"Namespace\"}")))
                        .managedFields(List.of(new V1ManagedFieldsEntry()
                                .manager("kubectl")
                                .fieldsV1(Map.of("f:metadata", Map.of())))));

        V1Namespace cached = (V1Namespace) WriterHistoryDropped.INSTANCE.transform(namespace);

        assertThat(cached.getMetadata().getManagedFields()).isNull();
        assertThat(cached.getMetadata().getAnnotations()).containsOnly(Map.entry("owner", "alice@example.com"));
        assertThat(cached.getMetadata().getName()).isEqualTo("team");
    }

    @Test
    void anObjectWithoutMetadataIsLeftAsItIs() {
        assertThat(WriterHistoryDropped.INSTANCE.transform(new V1Namespace())).isEqualTo(new V1Namespace());
        assertThat(WriterHistoryDropped.INSTANCE.transform(null)).isNull();
    }
}
