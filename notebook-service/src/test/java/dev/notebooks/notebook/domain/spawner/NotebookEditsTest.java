package dev.notebooks.notebook.domain.spawner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.Validated;
import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotebookEditsTest {

    private static final String NS = "kubeflow-user";
    private static final V1Toleration GPU_TAINT =
            new V1Toleration().key("nvidia.com/gpu").operator("Exists");
    private static final V1Toleration OWN_TAINT = new V1Toleration().key("team").operator("Exists");
    private static final SpawnerConfig CONFIG = withOptions(SpawnerConfig.kubeflowDefaults());

    private final NotebookEdits edits = new NotebookEdits(new Random(3));

    @Test
    void noFieldsChangeNothing() {
        Notebook before = notebook();

        Notebook after = edit(before, NotebookPatch.empty());

        assertThat(dev.notebooks.notebook.domain.KubeModels.tree(after))
                .isEqualTo(dev.notebooks.notebook.domain.KubeModels.tree(before));
    }

    @Test
    void theImageChangesAndTheOldNotebookDoesNot() {
        Notebook before = notebook();

        Notebook after =
                edit(before, patch("image", "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0"));

        assertThat(after.serverContainer().orElseThrow().getImage()).endsWith("jupyter-pytorch-full:v1.10.0");
        assertThat(before.serverContainer().orElseThrow().getImage()).isEqualTo(Forms.IMAGE);
    }

    @Test
    void aNewCpuRequestDerivesItsLimitAsACreateDoes() {
        Notebook after = edit(notebook(), patch("cpu", "2"));

        assertThat(after.serverContainer().orElseThrow().getResources().getRequests())
                .containsEntry("cpu", new Quantity("2"));
        assertThat(after.serverContainer().orElseThrow().getResources().getLimits())
                .containsEntry("cpu", new Quantity("2.4"));
        assertThat(after.serverContainer().orElseThrow().getResources().getRequests())
                .containsEntry("memory", new Quantity("1.0Gi"));
    }

    @Test
    void aLimitAloneIsCheckedAgainstTheRequestTheNotebookHas() {
        Validated<NewNotebook> tooLow = edits.edit(notebook(), patch("memoryLimit", "512Mi"), CONFIG, Set.of());
        Notebook raised = edit(notebook(), patch("memoryLimit", "4Gi"));

        assertThat(tooLow.violations()).extracting(Violation::field).containsExactly("memoryLimit");
        assertThat(raised.serverContainer().orElseThrow().getResources().getLimits())
                .containsEntry("memory", new Quantity("4Gi"));
    }

    @Test
    void gpusAreReplacedAndNoneRemovesThem() {
        Notebook withGpus = edit(notebook(), patch("gpus", new Gpus("1", "nvidia.com/gpu")));
        Notebook amd = edit(withGpus, patch("gpus", new Gpus("2", "amd.com/gpu")));
        Notebook none = edit(amd, patch("gpus", new Gpus("none", "")));

        assertThat(amd.serverContainer().orElseThrow().getResources().getLimits())
                .containsEntry("amd.com/gpu", new Quantity("2"))
                .doesNotContainKey("nvidia.com/gpu");
        assertThat(none.serverContainer().orElseThrow().getResources().getLimits())
                .doesNotContainKeys("amd.com/gpu", "nvidia.com/gpu")
                .containsKey("cpu");
    }

    @Test
    void dataVolumesAreReplacedAndTheWorkspaceAndSharedMemoryKept() {
        Notebook before = edit(notebook(), patch("datavols", List.of(Forms.existingClaim("/old", "old-data"))));

        Validated<NewNotebook> result = edits.edit(
                before,
                patch("datavols", List.of(FormVolume.newPvc("/data", "{notebook-name}-data", "10Gi", "ReadWriteOnce"))),
                CONFIG,
                Set.of());

        Notebook after = result.value().notebook();
        assertThat(after.podSpec().getVolumes())
                .extracting(V1Volume::getName)
                .containsExactly("dshm", "nb-workspace", "nb-data");
        assertThat(after.serverContainer().orElseThrow().getVolumeMounts())
                .extracting(V1VolumeMount::getMountPath)
                .containsExactly("/dev/shm", "/home/jovyan", "/data");
        assertThat(result.value().claims())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("nb-data");
    }

    @Test
    void aDataVolumeOnTheWorkspacesPathIsRefused() {
        Validated<NewNotebook> result = edits.edit(
                notebook(), patch("datavols", List.of(Forms.existingClaim("/home/jovyan", "other"))), CONFIG, Set.of());

        assertThat(result.violations()).extracting(Violation::field).contains("datavols[0].mount");
    }

    @Test
    void configurationsReplaceOnlyPodDefaultLabels() {
        Notebook before = notebook();
        before.getMetadata().putLabelsItem("access-ml-pipeline", "true");
        before.getMetadata().putLabelsItem("my-own", "true");

        Notebook after = edit(
                before,
                patch("configurations", List.of("add-gcp-secret")),
                Set.of("access-ml-pipeline", "add-gcp-secret"));

        assertThat(after.labels())
                .containsEntry("add-gcp-secret", "true")
                .containsEntry("my-own", "true")
                .containsEntry("app", "nb")
                .doesNotContainKey("access-ml-pipeline");
    }

    @Test
    void aTolerationGroupReplacesOnlyGroupTolerations() {
        Notebook before = notebook();
        before.podSpec().setTolerations(List.of(OWN_TAINT));
        Notebook gpu = edit(before, patch("tolerationGroup", "gpu"));
        Notebook none = edit(gpu, patch("tolerationGroup", "none"));

        assertThat(gpu.podSpec().getTolerations()).containsExactly(OWN_TAINT, GPU_TAINT);
        assertThat(none.podSpec().getTolerations()).containsExactly(OWN_TAINT);
    }

    @Test
    void affinityNoneRemovesIt() {
        Notebook withAffinity = edit(notebook(), patch("affinityConfig", "gpu"));
        Notebook without = edit(withAffinity, patch("affinityConfig", "none"));

        assertThat(withAffinity.podSpec().getAffinity()).isNotNull();
        assertThat(without.podSpec().getAffinity()).isNull();
    }

    @Test
    void aReadOnlyFieldCannotBeEdited() {
        SpawnerConfig readOnlyCpu = new SpawnerConfig(
                CONFIG.image(),
                CONFIG.imagePullPolicy(),
                new SpawnerConfig.ResourceSetting("0.5", true, "1.2"),
                CONFIG.memory(),
                CONFIG.gpus(),
                CONFIG.workspaceVolume(),
                CONFIG.dataVolumes(),
                CONFIG.affinityConfig(),
                CONFIG.tolerationGroup(),
                CONFIG.shm(),
                CONFIG.configurations());

        assertThat(edits.edit(notebook(), patch("cpu", "4"), readOnlyCpu, Set.of())
                        .violations())
                .extracting(Violation::field)
                .containsExactly("cpu");
    }

    @Test
    void aNotebookWithoutContainersIsRefusedNotThrown() {
        Notebook broken = notebook();
        broken.podSpec().setContainers(null);

        assertThat(edits.edit(broken, patch("cpu", "1"), CONFIG, Set.of()).isValid())
                .isFalse();
    }

    private Notebook edit(Notebook notebook, NotebookPatch patch) {
        return edit(notebook, patch, Set.of());
    }

    private Notebook edit(Notebook notebook, NotebookPatch patch, Set<String> configurationLabels) {
        return edits.edit(notebook, patch, CONFIG, configurationLabels).value().notebook();
    }

    private static Notebook notebook() {
        return new NotebookForms(new Random(1))
                .create(NS, "alice", Forms.jwa("nb"), CONFIG)
                .value()
                .notebook();
    }

    private static NotebookPatch patch(String field, Object value) {
        var components = NotebookPatch.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(field) ? value : null;
        }
        try {
            return NotebookPatch.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SpawnerConfig withOptions(SpawnerConfig config) {
        return new SpawnerConfig(
                config.image(),
                config.imagePullPolicy(),
                config.cpu(),
                config.memory(),
                config.gpus(),
                config.workspaceVolume(),
                config.dataVolumes(),
                new SpawnerConfig.OptionSetting<>(
                        "",
                        false,
                        List.of(new SpawnerConfig.AffinityOption(
                                "gpu", "GPU nodes", new V1Affinity().nodeAffinity(new V1NodeAffinity())))),
                new SpawnerConfig.OptionSetting<>(
                        "", false, List.of(new SpawnerConfig.TolerationGroup("gpu", "GPU", List.of(GPU_TAINT)))),
                config.shm(),
                config.configurations());
    }
}
