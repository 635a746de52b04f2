package dev.notebooks.notebook.domain.spawner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.Validated;
import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotebookFormsTest {

    private static final String NS = "kubeflow-user";
    private static final SpawnerConfig CONFIG = SpawnerConfig.kubeflowDefaults();

    private final NotebookForms forms = new NotebookForms(new Random(7));

    @Test
    void jwasBodyBecomesTheNotebookJwaWrites() {
        NewNotebook created = forms.create(NS, "alice@example.com", Forms.jwa("my-nb"), CONFIG)
                .value();

        Notebook notebook = created.notebook();
        assertThat(notebook.getMetadata().getName()).isEqualTo("my-nb");
        assertThat(notebook.getMetadata().getNamespace()).isEqualTo(NS);
        assertThat(notebook.labels()).isEqualTo(Map.of("app", "my-nb"));
        assertThat(notebook.annotations())
                .isEqualTo(Map.of(
                        "notebooks.kubeflow.org/server-type", "jupyter",
                        "notebooks.kubeflow.org/creator", "alice@example.com"));
        assertThat(notebook.podSpec().getServiceAccountName()).isEqualTo("default-editor");
        V1Container server = notebook.serverContainer().orElseThrow();
        assertThat(server.getName()).isEqualTo("my-nb");
        assertThat(server.getImage()).isEqualTo(Forms.IMAGE);
        assertThat(server.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(server.getResources().getRequests())
                .isEqualTo(Map.of("cpu", new Quantity("0.5"), "memory", new Quantity("1.0Gi")));
        assertThat(server.getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("0.6"), "memory", new Quantity("1.2Gi")));
        assertThat(notebook.podSpec().getVolumes())
                .extracting(V1Volume::getName)
                .containsExactly("dshm", "my-nb-workspace");
        assertThat(server.getVolumeMounts())
                .extracting(V1VolumeMount::getMountPath)
                .containsExactly("/dev/shm", "/home/jovyan");
        assertThat(created.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo("my-nb-workspace");
            assertThat(claim.getMetadata().getNamespace()).isEqualTo(NS);
            assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("5Gi"));
        });
    }

    @Test
    void codeServerIsRewrittenToTheRoot() {
        Notebook notebook = created(Forms.with(Forms.jwa("code"), "serverType", "group-one"));

        assertThat(notebook.annotations())
                .containsEntry("notebooks.kubeflow.org/server-type", "group-one")
                .containsEntry("notebooks.kubeflow.org/http-rewrite-uri", "/")
                .doesNotContainKey("notebooks.kubeflow.org/http-headers-request-set");
    }

    @Test
    void rstudioIsRewrittenAndToldItsRootPath() {
        Notebook notebook = created(Forms.with(Forms.jwa("rs"), "serverType", "group-two"));

        assertThat(notebook.annotations())
                .containsEntry("notebooks.kubeflow.org/http-rewrite-uri", "/")
                .containsEntry(
                        "notebooks.kubeflow.org/http-headers-request-set",
                        "{\"X-RStudio-Root-Path\":\"/notebook/kubeflow-user/rs/\"}");
    }

    @Test
    void noUserIsJwasAnonymousCreator() {
        NewNotebook created = forms.create(NS, null, Forms.jwa("nb"), CONFIG).value();

        assertThat(created.notebook().annotations())
                .containsEntry("notebooks.kubeflow.org/creator", "anonymous@kubeflow.org");
    }

    @Test
    void memoryInAnyUnitGetsItsLimitInTheSameUnit() {
        Notebook notebook = created(Forms.with(Forms.with(Forms.jwa("nb"), "memory", "512Mi"), "cpu", "250m"));

        assertThat(notebook.serverContainer().orElseThrow().getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("300m"), "memory", new Quantity("614.4Mi")));
    }

    @Test
    void explicitLimitsAreKeptAndFactorNoneGivesNoLimit() {
        SpawnerConfig noFactor = new SpawnerConfig(
                CONFIG.image(),
                CONFIG.imagePullPolicy(),
                new SpawnerConfig.ResourceSetting("0.5", false, "none"),
                new SpawnerConfig.ResourceSetting("1Gi", false, "none"),
                CONFIG.gpus(),
                CONFIG.workspaceVolume(),
                CONFIG.dataVolumes(),
                CONFIG.affinityConfig(),
                CONFIG.tolerationGroup(),
                CONFIG.shm(),
                CONFIG.configurations());
        NotebookForm form = Forms.with(Forms.jwa("nb"), "cpuLimit", "2");

        V1Container server = forms.create(NS, "a", form, noFactor)
                .value()
                .notebook()
                .serverContainer()
                .orElseThrow();

        assertThat(server.getResources().getLimits()).isEqualTo(Map.of("cpu", new Quantity("2")));
    }

    @Test
    void gpusAreALimitOfTheVendorsResource() {
        Notebook notebook = created(Forms.with(Forms.jwa("nb"), "gpus", new Gpus("2", "nvidia.com/gpu")));

        assertThat(notebook.serverContainer().orElseThrow().getResources().getLimits())
                .containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(notebook.serverContainer().orElseThrow().getResources().getRequests())
                .doesNotContainKey("nvidia.com/gpu");
    }

    @Test
    void configurationsAreLabelsThePodDefaultsSelect() {
        Notebook notebook =
                created(Forms.with(Forms.jwa("nb"), "configurations", List.of("access-ml-pipeline", "add-gcp-secret")));

        assertThat(notebook.labels())
                .containsEntry("access-ml-pipeline", "true")
                .containsEntry("add-gcp-secret", "true")
                .containsEntry("app", "nb");
    }

    @Test
    void affinityAndTolerationGroupsComeFromTheConfig() {
        V1Affinity gpuNodes = new V1Affinity().nodeAffinity(new V1NodeAffinity());
        V1Toleration gpuTaint =
                new V1Toleration().key("nvidia.com/gpu").operator("Exists").effect("NoSchedule");
        SpawnerConfig config = new SpawnerConfig(
                CONFIG.image(),
                CONFIG.imagePullPolicy(),
                CONFIG.cpu(),
                CONFIG.memory(),
                CONFIG.gpus(),
                CONFIG.workspaceVolume(),
                CONFIG.dataVolumes(),
                new SpawnerConfig.OptionSetting<>(
                        "", false, List.of(new SpawnerConfig.AffinityOption("gpu", "GPU nodes", gpuNodes))),
                new SpawnerConfig.OptionSetting<>(
                        "", false, List.of(new SpawnerConfig.TolerationGroup("gpu", "GPU", List.of(gpuTaint)))),
                CONFIG.shm(),
                CONFIG.configurations());
        NotebookForm form = Forms.with(Forms.with(Forms.jwa("nb"), "affinityConfig", "gpu"), "tolerationGroup", "gpu");

        Notebook notebook = forms.create(NS, "a", form, config).value().notebook();

        assertThat(notebook.podSpec().getAffinity()).isEqualTo(gpuNodes);
        assertThat(notebook.podSpec().getTolerations()).containsExactly(gpuTaint);
    }

    @Test
    void dataVolumesComeBetweenSharedMemoryAndTheWorkspace() {
        NotebookForm form = Forms.with(
                Forms.jwa("nb"),
                "datavols",
                List.of(
                        FormVolume.newPvc("/data", "{notebook-name}-data", "10Gi", "ReadWriteOnce"),
                        Forms.existingClaim("/shared", "team-data"),
                        FormVolume.existing(
                                "/config", new V1Volume().configMap(new V1ConfigMapVolumeSource().name("settings")))));

        NewNotebook created = forms.create(NS, "a", form, CONFIG).value();

        List<V1Volume> volumes = created.notebook().podSpec().getVolumes();
        assertThat(volumes)
                .extracting(V1Volume::getName)
                .startsWith("dshm", "nb-data", "team-data")
                .endsWith("nb-workspace");
        assertThat(volumes.get(3).getName()).matches("existing-source-volume-[a-z0-9]{8}");
        assertThat(volumes.get(3).getConfigMap().getName()).isEqualTo("settings");
        assertThat(created.claims())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("nb-data", "nb-workspace");
    }

    @Test
    void aGeneratedPvcNameIsResolvedBeforeTheNotebookMountsIt() {
        FormVolume generated = new FormVolume(
                "/data",
                new V1PersistentVolumeClaim()
                        .metadata(new V1ObjectMeta().generateName("scratch-"))
                        .spec(FormVolume.newPvc("/x", "x", "1Gi", "ReadWriteOnce")
                                .newPvc()
                                .getSpec()),
                null);

        NewNotebook created = forms.create(NS, "a", Forms.with(Forms.jwa("nb"), "datavols", List.of(generated)), CONFIG)
                .value();

        String claim = created.claims().get(0).getMetadata().getName();
        assertThat(claim).matches("scratch-[a-z0-9]{5}");
        assertThat(created.notebook().podSpec().getVolumes())
                .extracting(V1Volume::getName)
                .contains(claim);
    }

    @Test
    void noWorkspaceWhenTheBodyHasNone() {
        Notebook notebook = created(Forms.with(Forms.jwa("nb"), "workspace", null));

        assertThat(notebook.podSpec().getVolumes())
                .extracting(V1Volume::getName)
                .containsExactly("dshm");
    }

    @Test
    void aReadOnlySettingsValueIsUsedWhenTheBodyLeavesItOut() {
        SpawnerConfig config = new SpawnerConfig(
                CONFIG.image(),
                CONFIG.imagePullPolicy(),
                new SpawnerConfig.ResourceSetting("1", true, "1.5"),
                CONFIG.memory(),
                CONFIG.gpus(),
                new SpawnerConfig.Setting<>(CONFIG.workspaceVolume().value(), true),
                CONFIG.dataVolumes(),
                CONFIG.affinityConfig(),
                CONFIG.tolerationGroup(),
                CONFIG.shm(),
                CONFIG.configurations());
        NotebookForm form =
                Forms.with(Forms.with(Forms.with(Forms.jwa("nb"), "cpu", null), "cpuLimit", null), "workspace", null);

        NewNotebook created = forms.create(NS, "a", form, config).value();

        assertThat(created.notebook()
                        .serverContainer()
                        .orElseThrow()
                        .getResources()
                        .getLimits())
                .containsEntry("cpu", new Quantity("1.5"));
        // the config's "{notebook-name}-workspace" resolved: JWA leaves that to its frontend
        assertThat(created.claims()).extracting(c -> c.getMetadata().getName()).containsExactly("nb-workspace");
    }

    static Stream<Arguments> invalidBodies() {
        NotebookForm jwa = Forms.jwa("nb");
        return Stream.of(
                Arguments.of(Forms.with(jwa, "name", "Bad_Name"), "name"),
                Arguments.of(Forms.with(jwa, "name", null), "name"),
                Arguments.of(Forms.with(jwa, "serverType", "vscode"), "serverType"),
                Arguments.of(Forms.with(jwa, "image", "not an image"), "image"),
                Arguments.of(Forms.with(jwa, "customImage", "UPPER:case"), "customImage"),
                Arguments.of(Forms.with(jwa, "imagePullPolicy", "Sometimes"), "imagePullPolicy"),
                Arguments.of(Forms.with(jwa, "cpu", "nan"), "cpu"),
                Arguments.of(Forms.with(jwa, "cpu", "0"), "cpu"),
                Arguments.of(Forms.with(jwa, "cpuLimit", "0.1"), "cpuLimit"),
                Arguments.of(Forms.with(jwa, "memory", "1GB"), "memory"),
                Arguments.of(Forms.with(jwa, "memoryLimit", "512Mi"), "memoryLimit"),
                Arguments.of(Forms.with(jwa, "gpus", new Gpus("two", "nvidia.com/gpu")), "gpus.num"),
                Arguments.of(Forms.with(jwa, "gpus", new Gpus("1", null)), "gpus.vendor"),
                Arguments.of(Forms.with(jwa, "gpus", new Gpus("1", "example.com/tpu")), "gpus.vendor"),
                Arguments.of(Forms.with(jwa, "affinityConfig", "unknown"), "affinityConfig"),
                Arguments.of(Forms.with(jwa, "tolerationGroup", "unknown"), "tolerationGroup"),
                Arguments.of(Forms.with(jwa, "configurations", List.of("not a label")), "configurations[0]"),
                Arguments.of(Forms.with(jwa, "datavols", List.of(new FormVolume("/data", null, null))), "datavols[0]"),
                Arguments.of(
                        Forms.with(
                                jwa,
                                "datavols",
                                List.of(new FormVolume(
                                        null,
                                        null,
                                        new V1Volume().configMap(new V1ConfigMapVolumeSource().name("c"))))),
                        "datavols[0].mount"),
                Arguments.of(
                        Forms.with(jwa, "datavols", List.of(Forms.existingClaim("/home/jovyan", "other"))),
                        "workspace.mount"),
                Arguments.of(
                        Forms.with(jwa, "datavols", List.of(Forms.existingClaim("/a", "nb-workspace"))), "workspace"),
                Arguments.of(Forms.with(jwa, "workspace", namespaced()), "workspace.newPvc.metadata.namespace"),
                Arguments.of(
                        Forms.with(
                                jwa,
                                "workspace",
                                FormVolume.newPvc("/home/jovyan", "Bad Name", "1Gi", "ReadWriteOnce")),
                        "workspace.newPvc.metadata.name"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidBodies")
    void anInvalidFieldIsNamedAndNothingIsMade(NotebookForm form, String field) {
        Validated<NewNotebook> result = forms.create(NS, "a", form, CONFIG);

        assertThat(result.isValid()).isFalse();
        assertThat(result.violations()).extracting(Violation::field).contains(field);
    }

    @Test
    void everyReadOnlyFieldTheBodyCarriesIsNamed() {
        SpawnerConfig readOnly = new SpawnerConfig(
                new SpawnerConfig.Setting<>(Forms.IMAGE, true),
                new SpawnerConfig.Setting<>("IfNotPresent", true),
                new SpawnerConfig.ResourceSetting("0.5", true, "1.2"),
                new SpawnerConfig.ResourceSetting("1Gi", true, "1.2"),
                new SpawnerConfig.GpuSetting(new Gpus("none", ""), true, List.of()),
                new SpawnerConfig.Setting<>(null, true),
                new SpawnerConfig.Setting<>(List.of(), true),
                new SpawnerConfig.OptionSetting<>("", true, List.of()),
                new SpawnerConfig.OptionSetting<>("", true, List.of()),
                new SpawnerConfig.Setting<>(true, true),
                new SpawnerConfig.Setting<>(List.of(), true));

        Validated<NewNotebook> result = forms.create(NS, "a", Forms.jwa("nb"), readOnly);

        assertThat(result.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "image",
                        "imagePullPolicy",
                        "cpu",
                        "cpuLimit",
                        "memory",
                        "memoryLimit",
                        "gpus",
                        "workspace",
                        "datavols",
                        "shm",
                        "configurations",
                        "affinityConfig",
                        "tolerationGroup");
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.message()).contains("read-only"));
    }

    @Test
    void allViolationsAreReportedAtOnce() {
        NotebookForm form = Forms.with(Forms.with(Forms.jwa("Bad"), "cpu", "x"), "memory", "y");

        assertThat(forms.create(NS, "a", form, CONFIG).violations())
                .extracting(Violation::field)
                .contains("name", "cpu", "memory");
    }

    private static FormVolume namespaced() {
        FormVolume volume = FormVolume.newPvc("/home/jovyan", "ws", "1Gi", "ReadWriteOnce");
        volume.newPvc().getMetadata().setNamespace("other");
        return volume;
    }

    private Notebook created(NotebookForm form) {
        return forms.create(NS, "alice@example.com", form, CONFIG).value().notebook();
    }
}
