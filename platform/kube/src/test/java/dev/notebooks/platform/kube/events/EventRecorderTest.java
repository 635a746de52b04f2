package dev.notebooks.platform.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.5Z");

    private final EventRecorder recorder = new EventRecorder(
            new ResourceClient(new ApiClient(), new KubeConfiguration("profile-service")),
            new KubeConfiguration("profile-service"));

    @Test
    void anEventIsAboutItsObjectInItsNamespaceFromTheService() {
        V1ConfigMap regarding = new V1ConfigMap()
                .metadata(new V1ObjectMeta()
                        .name("spawner")
                        .namespace("kubeflow")
                        .uid("u1")
                        .resourceVersion("5"));

        CoreV1Event event = recorder.event(ResourceTypes.CONFIG_MAP, regarding, "Warning", "Invalid", "bad image", NOW);

        assertThat(event.getMetadata().getNamespace()).isEqualTo("kubeflow");
        assertThat(event.getMetadata().getName()).startsWith("spawner.");
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
        assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("v1");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo("u1");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("Invalid");
        assertThat(event.getMessage()).isEqualTo("bad image");
        assertThat(event.getSource().getComponent()).isEqualTo("profile-service");
        assertThat(event.getCount()).isEqualTo(1);
        assertThat(event.getFirstTimestamp()).isEqualTo(event.getLastTimestamp());
        assertThat(event.getFirstTimestamp().getNano()).isZero();
    }

    @Test
    void eventsAboutClusterScopedObjectsGoToTheDefaultNamespace() {
        V1Namespace regarding =
                new V1Namespace().metadata(new V1ObjectMeta().name("alice").uid("u2"));

        CoreV1Event event = recorder.event(ResourceTypes.NAMESPACE, regarding, "Normal", "Created", "", NOW);

        assertThat(event.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(event.getInvolvedObject().getNamespace()).isNull();
    }
}
