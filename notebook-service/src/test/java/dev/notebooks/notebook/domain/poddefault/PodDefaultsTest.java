package dev.notebooks.notebook.domain.poddefault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import dev.notebooks.notebook.domain.children.ChildSettings;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodDefaultsTest {

    private static final String NS = TestNotebooks.NAMESPACE;

    @Test
    void podDefaultsAreSelectedByThePodsLabelsInItsNamespaceInNameOrder() {
        V1PodTemplateSpec template = template(Map.of("access-ml-pipeline", "true"));
        List<PodDefault> all = List.of(
                podDefault("z-pipelines", NS, selecting("access-ml-pipeline")),
                podDefault("a-pipelines", NS, selecting("access-ml-pipeline")),
                podDefault("gcp", NS, selecting("add-gcp-secret")),
                podDefault("elsewhere", "other", selecting("access-ml-pipeline")),
                podDefault("every-pod", NS, spec -> spec));

        PodDefaults.Selection selection = PodDefaults.select(all, NS, template);

        assertThat(selection.selected())
                .extracting(PodDefault::name)
                .containsExactly("a-pipelines", "every-pod", "z-pipelines");
        assertThat(selection.skipped()).isEmpty();
    }

    @Test
    void aPodDefaultWithAnInvalidSelectorIsSkippedWithItsReason() {
        PodDefault broken = PodDefault.of(
                new V1ObjectMeta().name("broken").namespace(NS),
                PodDefault.Spec.selecting(new V1LabelSelector()
                        .addMatchExpressionsItem(new io.kubernetes.client.openapi.models.V1LabelSelectorRequirement()
                                .key("app")
                                .operator("In"))));

        PodDefaults.Selection selection = PodDefaults.select(List.of(broken), NS, template(Map.of()));

        assertThat(selection.selected()).isEmpty();
        assertThat(selection.skipped()).containsOnlyKeys("broken");
    }

    @Test
    void theExcludeAnnotationSelectsNothing() {
        V1PodTemplateSpec template = template(Map.of("access-ml-pipeline", "true"));
        template.getMetadata().putAnnotationsItem("poddefault.admission.kubeflow.org/exclude", "true");

        assertThat(PodDefaults.select(List.of(podDefault("p", NS, selecting("access-ml-pipeline"))), NS, template)
                        .selected())
                .isEmpty();
    }

    @Test
    void everythingAPodDefaultCarriesIsMergedIntoThePod() {
        PodDefault pipelines = podDefault("pipelines", NS, spec -> full(spec));

        V1PodTemplateSpec merged = applied(template(Map.of()), pipelines);

        V1Container server = merged.getSpec().getContainers().get(0);
        assertThat(server.getEnv())
                .extracting(V1EnvVar::getName)
                .containsExactly("NB_PREFIX", "KF_PIPELINES_SA_TOKEN_PATH");
        assertThat(server.getVolumeMounts())
                .extracting(V1VolumeMount::getMountPath)
                .contains("/var/run/secrets/kubeflow/pipelines");
        assertThat(server.getEnvFrom()).hasSize(1);
        assertThat(merged.getSpec().getVolumes()).extracting(V1Volume::getName).contains("volume-kf-pipeline-token");
        assertThat(merged.getSpec().getTolerations())
                .extracting(V1Toleration::getKey)
                .containsExactly("gpu");
        assertThat(merged.getSpec().getImagePullSecrets())
                .extracting(V1LocalObjectReference::getName)
                .containsExactly("regcred");
        assertThat(merged.getSpec().getServiceAccountName()).isEqualTo("pipeline-runner");
        assertThat(merged.getSpec().getAutomountServiceAccountToken()).isTrue();
        assertThat(merged.getMetadata().getLabels()).containsEntry("pipelines", "on");
        assertThat(merged.getMetadata().getAnnotations())
                .containsEntry("sidecar.istio.io/inject", "false")
                .containsEntry("poddefault.admission.kubeflow.org/poddefault-pipelines", "3");
        assertThat(merged.getSpec().getInitContainers())
                .extracting(V1Container::getName)
                .containsExactly("fetch");
        assertThat(merged.getSpec().getContainers())
                .extracting(V1Container::getName)
                .containsExactly("nb", "proxy");
    }

    @Test
    void envAndMountsGoToThePodsOwnContainersNotToSidecarsOrInitContainers() {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.podSpec().addContainersItem(new V1Container().name("helper").image("busybox"));
        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, ChildSettings.defaults());

        V1PodTemplateSpec merged = applied(template, podDefault("pipelines", NS, spec -> full(spec)));

        assertThat(merged.getSpec().getContainers())
                .filteredOn(c -> List.of("nb", "helper").contains(c.getName()))
                .allSatisfy(c ->
                        assertThat(c.getEnv()).extracting(V1EnvVar::getName).contains("KF_PIPELINES_SA_TOKEN_PATH"));
        assertThat(merged.getSpec().getContainers())
                .filteredOn(c -> c.getName().equals("proxy"))
                .allSatisfy(c -> assertThat(c.getEnv()).isNullOrEmpty());
        assertThat(merged.getSpec().getInitContainers().get(0).getEnv()).isNullOrEmpty();
    }

    @Test
    void theLastPodDefaultSetsTheServiceAccount() {
        V1PodTemplateSpec merged = applied(
                template(Map.of()),
                podDefault("a", NS, spec -> with(spec, "serviceAccountName", "first")),
                podDefault("b", NS, spec -> with(spec, "serviceAccountName", "second")));

        assertThat(merged.getSpec().getServiceAccountName()).isEqualTo("second");
    }

    @Test
    void commandAndArgsOnlyWhereTheContainerHasNoneAndTheFirstPodDefaultWins() {
        V1PodTemplateSpec template = template(Map.of());
        template.getSpec().getContainers().get(0).setArgs(List.of("--own"));
        template.getSpec()
                .addContainersItem(new V1Container().name("istio-proxy").image("proxyv2"));

        V1PodTemplateSpec merged = applied(
                template,
                podDefault("a", NS, spec -> with(with(spec, "command", List.of("first")), "args", List.of("--a"))),
                podDefault("b", NS, spec -> with(spec, "command", List.of("second"))));

        assertThat(merged.getSpec().getContainers().get(0).getCommand()).containsExactly("first");
        assertThat(merged.getSpec().getContainers().get(0).getArgs()).containsExactly("--own");
        assertThat(merged.getSpec().getContainers().get(1).getCommand()).isNullOrEmpty();
    }

    @Test
    void entriesThePodAlreadyHasIdenticallyAreNoOps() {
        PodDefault token = podDefault(
                "pipelines",
                NS,
                spec -> with(
                        with(
                                with(
                                        spec,
                                        "env",
                                        List.of(new V1EnvVar().name("A").value("1"))),
                                "volumes",
                                List.of(new V1Volume()
                                        .name("t")
                                        .secret(new V1SecretVolumeSource().secretName("token")))),
                        "volumeMounts",
                        List.of(new V1VolumeMount().name("t").mountPath("/t"))));
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.serverContainer()
                .orElseThrow()
                .addEnvItem(new V1EnvVar().name("A").value("1"))
                .addVolumeMountsItem(new V1VolumeMount().name("t").mountPath("/t"));
        notebook.podSpec()
                .addVolumesItem(new V1Volume().name("t").secret(new V1SecretVolumeSource().secretName("token")));
        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, ChildSettings.defaults());

        V1PodTemplateSpec merged = applied(template, token);

        assertThat(KubeModels.tree(merged.getSpec())).isEqualTo(KubeModels.tree(template.getSpec()));
    }

    @Test
    void aSidecarEqualToAContainerOfThePodIsNoConflictAndThatContainerGetsTheEnv() {
        V1PodTemplateSpec template = template(Map.of());
        template.getSpec().addContainersItem(new V1Container().name("proxy").image("envoy"));

        V1PodTemplateSpec merged = applied(template, podDefault("pipelines", NS, spec -> full(spec)));

        assertThat(merged.getSpec().getContainers())
                .extracting(V1Container::getName)
                .containsExactly("nb", "proxy");
        assertThat(merged.getSpec().getContainers().get(1).getEnv())
                .extracting(V1EnvVar::getName)
                .containsExactly("KF_PIPELINES_SA_TOKEN_PATH");
    }

    @Test
    void twoPodDefaultsWithTheSameEntryAreNoConflict() {
        V1PodTemplateSpec merged = applied(
                template(Map.of()), podDefault("a", NS, spec -> full(spec)), podDefault("b", NS, spec -> full(spec)));

        assertThat(merged.getSpec().getVolumes())
                .extracting(V1Volume::getName)
                .containsOnlyOnce("volume-kf-pipeline-token");
        assertThat(merged.getMetadata().getAnnotations())
                .containsKeys(
                        "poddefault.admission.kubeflow.org/poddefault-a",
                        "poddefault.admission.kubeflow.org/poddefault-b");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(
                        "env against the pod",
                        op(spec -> with(
                                spec,
                                "env",
                                List.of(new V1EnvVar().name("NB_PREFIX").value("/x")))),
                        "env NB_PREFIX in container nb",
                        ""),
                Arguments.of(
                        "label against the pod",
                        op(spec -> with(spec, "labels", Map.of("app", "other"))),
                        "labels app",
                        ""),
                Arguments.of(
                        "mount path taken by another volume",
                        op(spec -> with(
                                spec,
                                "volumeMounts",
                                List.of(new V1VolumeMount().name("other").mountPath("/home/jovyan")))),
                        "volumeMounts at /home/jovyan in container nb",
                        ""),
                Arguments.of(
                        "volume against the pod",
                        op(spec -> with(
                                spec,
                                "volumes",
                                List.of(new V1Volume()
                                        .name("nb-workspace")
                                        .emptyDir(new io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource())))),
                        "volumes nb-workspace",
                        ""),
                Arguments.of(
                        "sidecar named as a container",
                        op(spec -> with(
                                spec,
                                "sidecars",
                                List.of(new V1Container().name("nb").image("other")))),
                        "containers nb",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void aDifferentValueForAnEntryThePodHasIsAConflict(
            String description, UnaryOperator<PodDefault.Spec> spec, String field, String with) {
        PodDefaults.Result result = PodDefaults.apply(template(Map.of()), List.of(podDefault("pd", NS, spec)));

        assertThat(result).isInstanceOf(PodDefaults.Result.Conflicting.class);
        assertThat(((PodDefaults.Result.Conflicting) result).conflicts())
                .containsExactly(new PodDefaultConflict("pd", field, with));
    }

    @Test
    void twoPodDefaultsDisagreeingNameBothInTheMessage() {
        PodDefaults.Result result = PodDefaults.apply(
                template(Map.of()),
                List.of(
                        podDefault("gpu-a", NS, spec -> with(spec, "annotations", Map.of("scheduler", "a"))),
                        podDefault(
                                "gpu-b",
                                NS,
                                spec -> with(
                                        spec,
                                        "tolerations",
                                        List.of(new V1Toleration().key("k").value("1")))),
                        podDefault(
                                "gpu-c",
                                NS,
                                spec -> with(
                                        with(spec, "annotations", Map.of("scheduler", "c")),
                                        "tolerations",
                                        List.of(new V1Toleration().key("k").value("2"))))));

        PodDefaults.Result.Conflicting conflicting = (PodDefaults.Result.Conflicting) result;
        assertThat(conflicting.conflicts())
                .containsExactlyInAnyOrder(
                        new PodDefaultConflict("gpu-c", "annotations scheduler", "gpu-a"),
                        new PodDefaultConflict("gpu-c", "tolerations k", "gpu-b"));
        assertThat(conflicting.message())
                .startsWith("PodDefaults gpu-a, gpu-b, gpu-c conflict: ")
                .contains("PodDefault gpu-c sets annotations scheduler differently from PodDefault gpu-a");
        V1PodTemplateSpec fallback = template(Map.of());
        assertThat(result.templateOr(fallback)).isSameAs(fallback);
    }

    @Test
    void jwaOffersAPodDefaultByItsFirstMatchLabelAndOneWithoutMatchLabelsByNone() {
        assertThat(podDefault("p", NS, selecting("access-ml-pipeline")).configurationLabel())
                .contains("access-ml-pipeline");
        PodDefault byExpressions =
                PodDefault.of(new V1ObjectMeta().name("e"), PodDefault.Spec.selecting(new V1LabelSelector()));
        assertThat(byExpressions.configurationLabel()).isEmpty();
        assertThat(byExpressions.description()).isEqualTo("e");
        assertThat(PodDefault.of(new V1ObjectMeta().name("no-spec"), null).configurationLabel())
                .isEmpty();
    }

    private static UnaryOperator<PodDefault.Spec> op(UnaryOperator<PodDefault.Spec> op) {
        return op;
    }

    private static V1PodTemplateSpec applied(V1PodTemplateSpec template, PodDefault... podDefaults) {
        PodDefaults.Result result = PodDefaults.apply(template, List.of(podDefaults));
        assertThat(result).isInstanceOf(PodDefaults.Result.Applied.class);
        return ((PodDefaults.Result.Applied) result).template();
    }

    private static V1PodTemplateSpec template(Map<String, String> extraLabels) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        extraLabels.forEach(notebook.getMetadata()::putLabelsItem);
        return NotebookPodTemplate.of(notebook, ChildSettings.defaults());
    }

    private static UnaryOperator<PodDefault.Spec> selecting(String label) {
        return spec -> with(spec, "selector", new V1LabelSelector().matchLabels(Map.of(label, "true")));
    }

    private static PodDefault podDefault(String name, String namespace, UnaryOperator<PodDefault.Spec> spec) {
        return PodDefault.of(
                new V1ObjectMeta()
                        .name(name)
                        .namespace(namespace)
                        .generation(3L)
                        .resourceVersion("999"),
                spec.apply(PodDefault.Spec.selecting(new V1LabelSelector())));
    }

    /** Kubeflow's example PodDefault for pipelines access, with one of everything else. */
    private static PodDefault.Spec full(PodDefault.Spec spec) {
        PodDefault.Spec result = spec;
        result = with(
                result,
                "env",
                List.of(new V1EnvVar()
                        .name("KF_PIPELINES_SA_TOKEN_PATH")
                        .value("/var/run/secrets/kubeflow/pipelines/token")));
        result = with(
                result,
                "volumeMounts",
                List.of(new V1VolumeMount()
                        .name("volume-kf-pipeline-token")
                        .mountPath("/var/run/secrets/kubeflow/pipelines")
                        .readOnly(true)));
        result = with(
                result,
                "volumes",
                List.of(new V1Volume()
                        .name("volume-kf-pipeline-token")
                        .secret(new V1SecretVolumeSource().secretName("token"))));
        result = with(
                result,
                "envFrom",
                List.of(new V1EnvFromSource().configMapRef(new V1ConfigMapEnvSource().name("settings"))));
        result = with(
                result,
                "tolerations",
                List.of(new V1Toleration().key("gpu").operator("Exists").effect("NoSchedule")));
        result = with(result, "imagePullSecrets", List.of(new V1LocalObjectReference().name("regcred")));
        result = with(result, "serviceAccountName", "pipeline-runner");
        result = with(result, "automountServiceAccountToken", true);
        result = with(result, "labels", Map.of("pipelines", "on"));
        result = with(result, "annotations", Map.of("sidecar.istio.io/inject", "false"));
        result = with(
                result,
                "initContainers",
                List.of(new V1Container().name("fetch").image("busybox")));
        result =
                with(result, "sidecars", List.of(new V1Container().name("proxy").image("envoy")));
        return result;
    }

    /** A copy of the spec with one field replaced, by its record component name. */
    private static PodDefault.Spec with(PodDefault.Spec spec, String field, Object value) {
        var components = PodDefault.Spec.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(field)
                        ? value
                        : components[i].getAccessor().invoke(spec);
            }
            return PodDefault.Spec.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
