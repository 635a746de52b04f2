package dev.notebooks.notebook.domain.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookServiceObjectTest {

    @Test
    void port80NamedForIstioLeadsToTheServersPort8888() {
        V1Service service = NotebookServiceObject.desired(TestNotebooks.jupyter("nb"));

        assertThat(service.getMetadata().getName()).isEqualTo("nb");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("statefulset", "nb"));
        assertThat(service.getSpec().getPorts())
                .containsExactly(new V1ServicePort()
                        .name("http-nb")
                        .port(80)
                        .targetPort(new IntOrString(8888))
                        .protocol("TCP"));
    }

    @Test
    void theTargetIsTheServerContainersFirstPort() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.serverContainer()
                .orElseThrow()
                .ports(List.of(new V1ContainerPort().containerPort(8787), new V1ContainerPort().containerPort(9000)));

        assertThat(NotebookServiceObject.desired(notebook)
                        .getSpec()
                        .getPorts()
                        .get(0)
                        .getTargetPort())
                .isEqualTo(new IntOrString(8787));
    }

    @Test
    void nothingToWriteWhenTheStoredServiceOnlyAddsItsClusterIpAndDefaults() {
        V1Service desired = NotebookServiceObject.desired(TestNotebooks.jupyter("nb"));

        assertThat(NotebookServiceObject.needsUpdate(desired, ApiServer.stored(desired)))
                .isFalse();
    }

    @Test
    void aChangedPortIsWrittenAndTheClusterIpKept() {
        V1Service actual = ApiServer.stored(NotebookServiceObject.desired(TestNotebooks.jupyter("nb")));
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.serverContainer().orElseThrow().ports(List.of(new V1ContainerPort().containerPort(8787)));
        V1Service desired = NotebookServiceObject.desired(notebook);

        assertThat(NotebookServiceObject.needsUpdate(desired, actual)).isTrue();
        V1Service merged = NotebookServiceObject.merged(desired, actual);
        assertThat(merged.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(8787));
        assertThat(merged.getSpec().getClusterIP()).isEqualTo("10.96.12.34");
    }

    @Test
    void aHandEditedSelectorIsPutBack() {
        V1Service desired = NotebookServiceObject.desired(TestNotebooks.jupyter("nb"));
        V1Service actual = ApiServer.stored(desired);
        actual.getSpec().setSelector(Map.of("statefulset", "nb", "extra", "x"));

        assertThat(NotebookServiceObject.needsUpdate(desired, actual)).isTrue();
        assertThat(NotebookServiceObject.merged(desired, actual).getSpec().getSelector())
                .isEqualTo(Map.of("statefulset", "nb"));
    }
}
