package dev.notebooks.notebook.domain.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotebookPodTemplateTest {

    private static final ChildSettings SETTINGS = ChildSettings.defaults();

    @Test
    void podLabelsAreTheStatefulSetsAndTheNotebookNameThenEveryNotebookLabel() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putLabelsItem("access-ml-pipeline", "true");

        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, SETTINGS);

        assertThat(template.getMetadata().getLabels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("statefulset", "nb", "notebook-name", "nb", "app", "nb", "access-ml-pipeline", "true"));
    }

    @ParameterizedTest(name = "{0} copied: {1}")
    @CsvSource({
        "notebooks.kubeflow.org/server-type, false",
        "notebooks.kubeflow.org/last-activity, false",
        "kubectl.kubernetes.io/last-applied-configuration, false",
        "my-notebook-thing, false",
        "kubeflow-resource-stopped, true",
        "sidecar.istio.io/inject, true",
    })
    void annotationsWhoseKeyNamesKubectlOrNotebookStayOnTheNotebook(String key, boolean copied) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem(key, "x");

        Map<String, String> annotations =
                NotebookPodTemplate.of(notebook, SETTINGS).getMetadata().getAnnotations();

        if (copied) {
            assertThat(annotations).containsEntry(key, "x");
        } else {
            assertThat(annotations == null ? Map.of() : annotations).doesNotContainKey(key);
        }
    }

    @Test
    void theServerContainerGetsTheWorkingDirThePortAndThePrefix() {
        V1Container server = serverOf(NotebookPodTemplate.of(TestNotebooks.jupyter("nb"), SETTINGS));

        assertThat(server.getWorkingDir()).isEqualTo("/home/jovyan");
        assertThat(server.getPorts())
                .containsExactly(new V1ContainerPort()
                        .name("notebook-port")
                        .containerPort(8888)
                        .protocol("TCP"));
        assertThat(server.getEnv())
                .containsExactly(new V1EnvVar().name("NB_PREFIX").value("/notebook/kubeflow-user/nb"));
    }

    @Test
    void theUsersOwnWorkingDirPortsAndPrefixAreKept() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.serverContainer()
                .orElseThrow()
                .workingDir("/srv")
                .ports(List.of(new V1ContainerPort().containerPort(3000)))
                .env(List.of(new V1EnvVar().name("NB_PREFIX").value("/custom")));

        V1Container server = serverOf(NotebookPodTemplate.of(notebook, SETTINGS));

        assertThat(server.getWorkingDir()).isEqualTo("/srv");
        assertThat(server.getPorts()).containsExactly(new V1ContainerPort().containerPort(3000));
        assertThat(server.getEnv())
                .containsExactly(new V1EnvVar().name("NB_PREFIX").value("/custom"));
    }

    @Test
    void onlyTheFirstContainerIsChanged() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.podSpec().addContainersItem(new V1Container().name("sidecar").image("busybox"));

        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, SETTINGS);

        assertThat(template.getSpec().getContainers().get(1))
                .isEqualTo(new V1Container().name("sidecar").image("busybox"));
    }

    @Test
    void theNotebookItselfIsNotChanged() {
        Notebook notebook = TestNotebooks.jupyter("nb");

        NotebookPodTemplate.of(notebook, SETTINGS);

        assertThat(notebook.serverContainer().orElseThrow().getEnv()).isNullOrEmpty();
        assertThat(notebook.podSpec().getSecurityContext()).isNull();
    }

    @Test
    void aPodWithoutSecurityContextGetsFsGroup100() {
        assertThat(NotebookPodTemplate.of(TestNotebooks.jupyter("nb"), SETTINGS)
                        .getSpec()
                        .getSecurityContext())
                .isEqualTo(new V1PodSecurityContext().fsGroup(100L));
    }

    @Test
    void anExistingSecurityContextIsLeftAloneEvenWithoutFsGroup() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.podSpec().securityContext(new V1PodSecurityContext().runAsUser(1000L));

        assertThat(NotebookPodTemplate.of(notebook, SETTINGS).getSpec().getSecurityContext())
                .isEqualTo(new V1PodSecurityContext().runAsUser(1000L));
    }

    @Test
    void noFsGroupWhenTheSettingIsOff() {
        ChildSettings noFsGroup = new ChildSettings(false, ChildSettings.IstioSettings.off());

        assertThat(NotebookPodTemplate.of(TestNotebooks.jupyter("nb"), noFsGroup)
                        .getSpec()
                        .getSecurityContext())
                .isNull();
    }

    @Test
    void aNotebookWithoutContainersStillGivesATemplate() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.podSpec().setContainers(null);

        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, SETTINGS);

        assertThat(template.getSpec().getContainers()).isNullOrEmpty();
        assertThat(template.getSpec().getSecurityContext()).isNotNull();
    }

    private static V1Container serverOf(V1PodTemplateSpec template) {
        return template.getSpec().getContainers().get(0);
    }
}
