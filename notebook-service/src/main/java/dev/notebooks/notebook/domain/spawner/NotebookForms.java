package dev.notebooks.notebook.domain.spawner;

import dev.notebooks.notebook.domain.Names;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.Validated;
import dev.notebooks.notebook.domain.Violation;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * JWA's create: the spawner form's body, checked against the spawner configuration, turned into the Notebook JWA's
 * backend writes ({@code notebook_template.yaml} and {@code form.py}) and the PVCs to create first.
 *
 * <p>Where JWA answers 400 for a field the body leaves out, the configuration's value is taken (a script need not send
 * every field); a read-only field the body does carry is a violation, as in JWA. The workspace is the exception: left
 * out, the notebook has none, as in JWA. Unlike JWA, any quantity unit is accepted, an unknown affinity or toleration
 * group is a violation rather than silently ignored, and every violation is reported at once.
 */
public final class NotebookForms {

    public static final String SERVICE_ACCOUNT = "default-editor";
    public static final String ANONYMOUS = "anonymous@kubeflow.org";

    private final RandomGenerator random;

    /** @param random for the names of PVCs asked for by {@code generateName} */
    public NotebookForms(RandomGenerator random) {
        this.random = random;
    }

    public Validated<NewNotebook> create(String namespace, String user, NotebookForm form, SpawnerConfig config) {
        List<Violation> violations = new ArrayList<>();
        String name = form.name();
        Names.notebookNameProblem(name).ifPresent(problem -> violations.add(new Violation("name", problem)));

        SpawnerServerType serverType = serverType(form.serverType(), violations);

        V1Container server =
                new V1Container().name(name).env(new ArrayList<>()).resources(new V1ResourceRequirements());
        image(form, config, violations).ifPresent(server::setImage);
        SpawnerRules.notReadOnly(
                "imagePullPolicy", form.imagePullPolicy(), readOnly(config.imagePullPolicy()), violations);
        SpawnerRules.pullPolicy(server, valueOf(form.imagePullPolicy(), config.imagePullPolicy()), violations);

        resources(server, form, config, violations);

        SpawnerRules.notReadOnly(
                "gpus", form.gpus(), config.gpus() != null && config.gpus().readOnly(), violations);
        Gpus gpus =
                form.gpus() != null && (config.gpus() == null || !config.gpus().readOnly())
                        ? form.gpus()
                        : config.gpus() == null ? null : config.gpus().value();
        SpawnerRules.gpus(server, gpus, config.gpus(), violations);

        V1PodSpec spec =
                new V1PodSpec().serviceAccountName(SERVICE_ACCOUNT).containers(new ArrayList<>(List.of(server)));
        SpawnerRules.notReadOnly(
                "tolerationGroup", form.tolerationGroup(), readOnly(config.tolerationGroup()), violations);
        spec.setTolerations(new ArrayList<>(SpawnerRules.tolerationGroup(
                valueOf(form.tolerationGroup(), config.tolerationGroup()), config.tolerationGroup(), violations)));
        SpawnerRules.notReadOnly(
                "affinityConfig", form.affinityConfig(), readOnly(config.affinityConfig()), violations);
        SpawnerRules.affinity(
                        valueOf(form.affinityConfig(), config.affinityConfig()), config.affinityConfig(), violations)
                .ifPresent(spec::setAffinity);

        V1ObjectMeta metadata = new V1ObjectMeta()
                .name(name)
                .namespace(namespace)
                .labels(new TreeMap<>(Map.of(NotebookAnnotations.APP_LABEL, Objects.requireNonNullElse(name, ""))))
                .annotations(annotations(namespace, name, user, serverType));
        SpawnerRules.notReadOnly(
                "configurations", form.configurations(), readOnly(config.configurations()), violations);
        List<String> configurations = valueOf(form.configurations(), config.configurations());
        SpawnerRules.configurations(metadata, configurations == null ? List.of() : configurations, violations);

        List<PodVolume> volumes = volumes(namespace, form, config, violations);
        SpawnerRules.unique(volumes, violations);
        SpawnerRules.addVolumes(spec, server, volumes);

        if (!violations.isEmpty()) {
            return new Validated.Invalid<>(violations);
        }
        List<V1PersistentVolumeClaim> claims =
                volumes.stream().map(PodVolume::claim).filter(Objects::nonNull).toList();
        return new Validated.Valid<>(new NewNotebook(Notebook.of(metadata, spec), claims));
    }

    /** Left out or empty is Jupyter (JWA means to do the same for "", but its comparison is a no-op). */
    static SpawnerServerType serverType(String value, List<Violation> violations) {
        if (value == null || value.isEmpty()) {
            return SpawnerServerType.JUPYTER;
        }
        return SpawnerServerType.fromFormValue(value).orElseGet(() -> {
            violations.add(new Violation("serverType", "must be one of jupyter, group-one, group-two"));
            return SpawnerServerType.JUPYTER;
        });
    }

    static Map<String, String> annotations(String namespace, String name, String user, SpawnerServerType type) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(NotebookAnnotations.SERVER_TYPE, type.formValue());
        annotations.put(NotebookAnnotations.CREATOR, user == null || user.isEmpty() ? ANONYMOUS : user);
        if (type != SpawnerServerType.JUPYTER) {
            annotations.put(NotebookAnnotations.HTTP_REWRITE_URI, "/");
        }
        if (type == SpawnerServerType.GROUP_TWO) {
            // JWA takes the namespace from the body, and writes "None" when the body has none
            annotations.put(
                    NotebookAnnotations.HTTP_HEADERS_REQUEST_SET,
                    "{\"X-RStudio-Root-Path\":\"" + NotebookPodTemplate.prefix(namespace, name) + "/\"}");
        }
        return annotations;
    }

    /** {@code customImage} when set (under {@code image}'s read-only rule), else {@code image}. */
    static Optional<String> image(NotebookForm form, SpawnerConfig config, List<Violation> violations) {
        boolean custom = form.customImage() != null && !form.customImage().isBlank();
        String field = custom ? "customImage" : "image";
        String value = custom ? form.customImage() : form.image();
        SpawnerRules.notReadOnly(field, value, readOnly(config.image()), violations);
        return SpawnerRules.image(field, valueOf(value, config.image()), violations);
    }

    private static void resources(
            V1Container server, NotebookForm form, SpawnerConfig config, List<Violation> violations) {
        boolean cpuReadOnly = config.cpu() != null && config.cpu().readOnly();
        boolean memoryReadOnly = config.memory() != null && config.memory().readOnly();
        // a read-only request fixes the limit too: JWA's form disables both
        SpawnerRules.notReadOnly("cpu", form.cpu(), cpuReadOnly, violations);
        SpawnerRules.notReadOnly("cpuLimit", form.cpuLimit(), cpuReadOnly, violations);
        SpawnerRules.notReadOnly("memory", form.memory(), memoryReadOnly, violations);
        SpawnerRules.notReadOnly("memoryLimit", form.memoryLimit(), memoryReadOnly, violations);
        String cpu = form.cpu() != null && !cpuReadOnly
                ? form.cpu()
                : config.cpu() == null ? null : config.cpu().value();
        String memory = form.memory() != null && !memoryReadOnly
                ? form.memory()
                : config.memory() == null ? null : config.memory().value();
        if (cpu == null) {
            violations.add(new Violation("cpu", "is required"));
        }
        if (memory == null) {
            violations.add(new Violation("memory", "is required"));
        }
        SpawnerRules.resource(
                server, "cpu", "cpu", "cpuLimit", cpu, cpuReadOnly ? null : form.cpuLimit(), config.cpu(), violations);
        SpawnerRules.resource(
                server,
                "memory",
                "memory",
                "memoryLimit",
                memory,
                memoryReadOnly ? null : form.memoryLimit(),
                config.memory(),
                violations);
    }

    /** In JWA's order: shared memory, the data volumes, then the workspace. */
    private List<PodVolume> volumes(
            String namespace, NotebookForm form, SpawnerConfig config, List<Violation> violations) {
        List<PodVolume> volumes = new ArrayList<>();
        SpawnerRules.notReadOnly("shm", form.shm(), readOnly(config.shm()), violations);
        if (Boolean.TRUE.equals(valueOf(form.shm(), config.shm()))) {
            volumes.add(SpawnerRules.shm());
        }
        SpawnerRules.notReadOnly("datavols", form.datavols(), readOnly(config.dataVolumes()), violations);
        List<FormVolume> data =
                readOnly(config.dataVolumes()) ? config.dataVolumes().value() : form.datavols();
        List<FormVolume> dataVolumes = data == null ? List.of() : data;
        for (int i = 0; i < dataVolumes.size(); i++) {
            SpawnerRules.volume("datavols[" + i + "]", dataVolumes.get(i), form.name(), namespace, random, violations)
                    .ifPresent(volumes::add);
        }
        SpawnerRules.notReadOnly("workspace", form.workspace(), readOnly(config.workspaceVolume()), violations);
        FormVolume workspace =
                readOnly(config.workspaceVolume()) ? config.workspaceVolume().value() : form.workspace();
        if (workspace != null) {
            SpawnerRules.volume("workspace", workspace, form.name(), namespace, random, violations)
                    .ifPresent(volumes::add);
        }
        return volumes;
    }

    /** JWA's {@code get_form_value}: a read-only setting's value; else the body's; else (unlike JWA) the setting's. */
    static <T> T valueOf(T bodyValue, SpawnerConfig.Setting<T> setting) {
        if (setting == null) {
            return bodyValue;
        }
        return setting.readOnly() || bodyValue == null ? setting.value() : bodyValue;
    }

    static String valueOf(String bodyValue, SpawnerConfig.OptionSetting<?> setting) {
        if (setting == null) {
            return bodyValue;
        }
        return setting.readOnly() || bodyValue == null ? setting.value() : bodyValue;
    }

    static boolean readOnly(SpawnerConfig.Setting<?> setting) {
        return setting != null && setting.readOnly();
    }

    static boolean readOnly(SpawnerConfig.OptionSetting<?> setting) {
        return setting != null && setting.readOnly();
    }
}
