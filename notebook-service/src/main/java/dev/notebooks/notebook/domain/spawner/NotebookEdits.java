package dev.notebooks.notebook.domain.spawner;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.Validated;
import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Editing a notebook after creation (Kubeflow has no such thing): the edit's fields checked as a create checks them, and
 * applied to a copy of the Notebook.
 *
 * <ul>
 *   <li>cpu or memory without its limit derives the limit from the config's factor, as a create does;
 *   <li>gpus replace any configured vendor's limit;
 *   <li>datavols replace the data volumes: every volume the server container mounts but the workspace
 *       ({@code /home/jovyan}) and shared memory ({@code dshm});
 *   <li>configurations replace the configuration labels: a {@code "true"} label whose key is a PodDefault's label;
 *   <li>tolerationGroup replaces the tolerations any configured group has, keeping others;
 *   <li>affinityConfig {@code none} removes the affinity.
 * </ul>
 */
public final class NotebookEdits {

    private final RandomGenerator random;

    public NotebookEdits(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param configurationLabels the labels that select the namespace's PodDefaults (JWA's configurations), so the
     *     edit knows which labels it replaces
     */
    public Validated<NewNotebook> edit(
            Notebook notebook, NotebookPatch patch, SpawnerConfig config, Collection<String> configurationLabels) {
        List<Violation> violations = new ArrayList<>();
        Notebook edited = KubeModels.copy(notebook);
        V1PodSpec spec = edited.podSpec();
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            return new Validated.Invalid<>(List.of(
                    new Violation("spec.template.spec.containers", "the notebook has no server container to edit")));
        }
        V1Container server = spec.getContainers().get(0);

        if (patch.image() != null || patch.customImage() != null) {
            NotebookForm asForm = new NotebookForm(
                    null,
                    patch.image(),
                    patch.customImage(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            NotebookForms.image(asForm, config, violations).ifPresent(server::setImage);
        }
        SpawnerRules.notReadOnly(
                "imagePullPolicy",
                patch.imagePullPolicy(),
                NotebookForms.readOnly(config.imagePullPolicy()),
                violations);
        SpawnerRules.pullPolicy(server, patch.imagePullPolicy(), violations);

        boolean cpuReadOnly = config.cpu() != null && config.cpu().readOnly();
        boolean memoryReadOnly = config.memory() != null && config.memory().readOnly();
        SpawnerRules.notReadOnly("cpu", patch.cpu(), cpuReadOnly, violations);
        SpawnerRules.notReadOnly("cpuLimit", patch.cpuLimit(), cpuReadOnly, violations);
        SpawnerRules.notReadOnly("memory", patch.memory(), memoryReadOnly, violations);
        SpawnerRules.notReadOnly("memoryLimit", patch.memoryLimit(), memoryReadOnly, violations);
        SpawnerRules.resource(
                server, "cpu", "cpu", "cpuLimit", patch.cpu(), patch.cpuLimit(), config.cpu(), violations);
        SpawnerRules.resource(
                server,
                "memory",
                "memory",
                "memoryLimit",
                patch.memory(),
                patch.memoryLimit(),
                config.memory(),
                violations);

        SpawnerRules.notReadOnly(
                "gpus", patch.gpus(), config.gpus() != null && config.gpus().readOnly(), violations);
        SpawnerRules.gpus(server, patch.gpus(), config.gpus(), violations);

        if (patch.tolerationGroup() != null) {
            SpawnerRules.notReadOnly(
                    "tolerationGroup",
                    patch.tolerationGroup(),
                    NotebookForms.readOnly(config.tolerationGroup()),
                    violations);
            spec.setTolerations(tolerations(spec, patch.tolerationGroup(), config, violations));
        }
        if (patch.affinityConfig() != null) {
            SpawnerRules.notReadOnly(
                    "affinityConfig",
                    patch.affinityConfig(),
                    NotebookForms.readOnly(config.affinityConfig()),
                    violations);
            spec.setAffinity(SpawnerRules.affinity(patch.affinityConfig(), config.affinityConfig(), violations)
                    .orElse(null));
        }
        if (patch.configurations() != null) {
            SpawnerRules.notReadOnly(
                    "configurations",
                    patch.configurations(),
                    NotebookForms.readOnly(config.configurations()),
                    violations);
            V1ObjectMeta metadata = edited.getMetadata();
            Map<String, String> labels = metadata.getLabels();
            if (labels != null) {
                configurationLabels.forEach(key -> {
                    if ("true".equals(labels.get(key))
                            && !patch.configurations().contains(key)) {
                        labels.remove(key);
                    }
                });
            }
            SpawnerRules.configurations(metadata, patch.configurations(), violations);
        }
        List<V1PersistentVolumeClaim> claims = new ArrayList<>();
        if (patch.datavols() != null) {
            SpawnerRules.notReadOnly(
                    "datavols", patch.datavols(), NotebookForms.readOnly(config.dataVolumes()), violations);
            claims.addAll(replaceDataVolumes(edited, server, patch.datavols(), violations));
        }
        return Validated.of(new NewNotebook(edited, claims), violations);
    }

    private static List<V1Toleration> tolerations(
            V1PodSpec spec, String group, SpawnerConfig config, List<Violation> violations) {
        List<V1Toleration> fromGroups = config.tolerationGroup() == null
                ? List.of()
                : config.tolerationGroup().optionsOrEmpty().stream()
                        .filter(option -> option.tolerations() != null)
                        .flatMap(option -> option.tolerations().stream())
                        .toList();
        List<V1Toleration> kept = new ArrayList<>();
        for (V1Toleration toleration :
                spec.getTolerations() == null ? List.<V1Toleration>of() : spec.getTolerations()) {
            if (fromGroups.stream().noneMatch(t -> KubeModels.tree(t).equals(KubeModels.tree(toleration)))) {
                kept.add(toleration);
            }
        }
        kept.addAll(SpawnerRules.tolerationGroup(group, config.tolerationGroup(), violations));
        return kept;
    }

    private List<V1PersistentVolumeClaim> replaceDataVolumes(
            Notebook edited, V1Container server, List<FormVolume> datavols, List<Violation> violations) {
        V1PodSpec spec = edited.podSpec();
        List<V1VolumeMount> mounts = server.getVolumeMounts() == null ? List.of() : server.getVolumeMounts();
        Set<String> dataVolumeNames = new HashSet<>();
        List<V1VolumeMount> keptMounts = new ArrayList<>();
        for (V1VolumeMount mount : mounts) {
            boolean data = !SpawnerRules.WORKSPACE_PATH.equals(mount.getMountPath())
                    && !SpawnerRules.SHM_VOLUME.equals(mount.getName());
            if (data) {
                dataVolumeNames.add(mount.getName());
            } else {
                keptMounts.add(mount);
            }
        }
        // a volume another container (or the workspace) still mounts stays
        Set<String> stillMounted = new HashSet<>();
        keptMounts.forEach(mount -> stillMounted.add(mount.getName()));
        spec.getContainers().stream()
                .skip(1)
                .filter(c -> c.getVolumeMounts() != null)
                .forEach(c -> c.getVolumeMounts().forEach(m -> stillMounted.add(m.getName())));
        List<V1Volume> keptVolumes = new ArrayList<>();
        for (V1Volume volume : spec.getVolumes() == null ? List.<V1Volume>of() : spec.getVolumes()) {
            if (!dataVolumeNames.contains(volume.getName()) || stillMounted.contains(volume.getName())) {
                keptVolumes.add(volume);
            }
        }
        List<PodVolume> added = new ArrayList<>();
        for (int i = 0; i < datavols.size(); i++) {
            SpawnerRules.volume(
                            "datavols[" + i + "]",
                            datavols.get(i),
                            edited.name(),
                            edited.namespace(),
                            random,
                            violations)
                    .ifPresent(added::add);
        }
        List<PodVolume> all = new ArrayList<>();
        for (V1VolumeMount mount : keptMounts) {
            all.add(new PodVolume("workspace", new V1Volume().name(mount.getName()), mount, null));
        }
        all.addAll(added);
        SpawnerRules.unique(all, violations);
        spec.setVolumes(keptVolumes);
        server.setVolumeMounts(keptMounts);
        SpawnerRules.addVolumes(spec, server, added);
        return added.stream().map(PodVolume::claim).filter(Objects::nonNull).toList();
    }
}
