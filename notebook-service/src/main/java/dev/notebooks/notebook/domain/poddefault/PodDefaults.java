package dev.notebooks.notebook.domain.poddefault;

import dev.notebooks.notebook.domain.KubeModels;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * PodDefaults applied to a notebook's pod template as Kubeflow's admission webhook applies them to its pod: selected by
 * the pod's labels in the pod's namespace, in name order, checked for conflicts first, then merged in the webhook's
 * order. Entries equal to what the pod (or an earlier PodDefault) has are no-ops, so a pod made from the merged template
 * passes through Kubeflow's webhook unchanged where that is installed too.
 */
public final class PodDefaults {

    public static final String EXCLUDE_ANNOTATION = "poddefault.admission.kubeflow.org/exclude";
    public static final String APPLIED_ANNOTATION_PREFIX = "poddefault.admission.kubeflow.org/poddefault-";
    static final String THE_POD = "";
    private static final String ISTIO_PROXY = "istio-proxy";

    private PodDefaults() {}

    /** @param skipped PodDefaults left out because their selector is invalid, each with the reason */
    public record Selection(List<PodDefault> selected, Map<String, String> skipped) {}

    public sealed interface Result {

        V1PodTemplateSpec templateOr(V1PodTemplateSpec fallback);

        /** @param podDefaults the names applied, in order */
        record Applied(V1PodTemplateSpec template, List<String> podDefaults) implements Result {
            @Override
            public V1PodTemplateSpec templateOr(V1PodTemplateSpec fallback) {
                return template;
            }
        }

        /** Nothing applied: for the Notebook's {@code Ready=False}, reason {@link #REASON}. */
        record Conflicting(List<String> podDefaults, List<PodDefaultConflict> conflicts) implements Result {

            public static final String REASON = "PodDefaultConflict";

            @Override
            public V1PodTemplateSpec templateOr(V1PodTemplateSpec fallback) {
                return fallback;
            }

            public String message() {
                StringBuilder message = new StringBuilder("PodDefaults ")
                        .append(String.join(", ", podDefaults))
                        .append(" conflict: ");
                for (int i = 0; i < conflicts.size(); i++) {
                    message.append(i == 0 ? "" : "; ").append(conflicts.get(i).message());
                }
                return message.toString();
            }
        }
    }

    /** The PodDefaults of the template's namespace whose selector matches its labels, by name. */
    public static Selection select(Collection<PodDefault> podDefaults, String namespace, V1PodTemplateSpec template) {
        Map<String, String> labels = metadata(template).getLabels();
        List<PodDefault> selected = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        if ("true".equals(annotations(template).get(EXCLUDE_ANNOTATION))) {
            return new Selection(List.of(), Map.of());
        }
        for (PodDefault podDefault : podDefaults) {
            if (podDefault == null || !Objects.equals(podDefault.namespace(), namespace)) {
                continue;
            }
            LabelSelectors.Match match =
                    LabelSelectors.match(podDefault.specOrEmpty().selector(), labels);
            if (match instanceof LabelSelectors.Match.Matches) {
                selected.add(podDefault);
            } else if (match instanceof LabelSelectors.Match.Invalid invalid) {
                skipped.put(podDefault.name(), invalid.reason());
            }
        }
        selected.sort(Comparator.comparing(PodDefault::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Selection(selected, skipped);
    }

    /** @return the template with the PodDefaults merged in (a copy), or every conflict among them and the pod */
    public static Result apply(V1PodTemplateSpec template, List<PodDefault> podDefaults) {
        if (podDefaults.isEmpty()) {
            return new Result.Applied(template, List.of());
        }
        V1PodTemplateSpec merged = KubeModels.copy(template);
        if (merged.getMetadata() == null) {
            merged.setMetadata(new V1ObjectMeta());
        }
        if (merged.getSpec() == null) {
            merged.setSpec(new V1PodSpec());
        }
        List<PodDefaultConflict> conflicts = new ArrayList<>();
        V1PodSpec pod = merged.getSpec();
        List<String> names = podDefaults.stream().map(PodDefault::name).toList();

        pod.setVolumes(keyed(
                "volumes", pod.getVolumes(), podDefaults, PodDefault.Spec::volumes, V1Volume::getName, conflicts));
        pod.setTolerations(keyed(
                "tolerations",
                pod.getTolerations(),
                podDefaults,
                PodDefault.Spec::tolerations,
                V1Toleration::getKey,
                conflicts));
        pod.setImagePullSecrets(keyed(
                "imagePullSecrets",
                pod.getImagePullSecrets(),
                podDefaults,
                PodDefault.Spec::imagePullSecrets,
                V1LocalObjectReference::getName,
                conflicts));
        for (PodDefault podDefault : podDefaults) {
            PodDefault.Spec spec = podDefault.specOrEmpty();
            if (spec.automountServiceAccountToken() != null) {
                pod.setAutomountServiceAccountToken(spec.automountServiceAccountToken());
            }
            if (spec.serviceAccountName() != null && !spec.serviceAccountName().isEmpty()) {
                pod.setServiceAccountName(spec.serviceAccountName());
            }
        }
        merged.getMetadata()
                .setAnnotations(
                        map("annotations", annotations(merged), podDefaults, PodDefault.Spec::annotations, conflicts));
        merged.getMetadata()
                .setLabels(
                        map("labels", metadata(merged).getLabels(), podDefaults, PodDefault.Spec::labels, conflicts));

        // sidecars are checked against the pod's own containers as they were, and get none of the env or mounts
        List<V1Container> own = list(pod.getContainers());
        List<V1Container> withSidecars =
                keyed("containers", own, podDefaults, PodDefault.Spec::sidecars, V1Container::getName, conflicts);
        List<V1Container> sidecars = withSidecars.subList(own.size(), withSidecars.size());
        for (V1Container container : own) {
            String in = " in container " + container.getName();
            container.setEnv(keyed(
                    "env", container.getEnv(), podDefaults, PodDefault.Spec::env, V1EnvVar::getName, conflicts, in));
            container.setVolumeMounts(volumeMounts(container.getVolumeMounts(), podDefaults, conflicts, in));
            container.setEnvFrom(envFrom(container.getEnvFrom(), podDefaults));
            if (!ISTIO_PROXY.equals(container.getName())) {
                setCommandAndArgs(container, podDefaults);
            }
        }
        List<V1Container> containers = new ArrayList<>(own);
        containers.addAll(sidecars);
        pod.setContainers(containers);
        pod.setInitContainers(keyed(
                "initContainers",
                pod.getInitContainers(),
                podDefaults,
                PodDefault.Spec::initContainers,
                V1Container::getName,
                conflicts));

        if (!conflicts.isEmpty()) {
            return new Result.Conflicting(names, conflicts);
        }
        for (PodDefault podDefault : podDefaults) {
            merged.getMetadata().putAnnotationsItem(APPLIED_ANNOTATION_PREFIX + podDefault.name(), version(podDefault));
        }
        return new Result.Applied(merged, names);
    }

    /**
     * The webhook writes the resourceVersion; the generation changes only with the spec, so a metadata-only change of a
     * PodDefault does not roll every notebook that uses it.
     */
    private static String version(PodDefault podDefault) {
        V1ObjectMeta metadata = podDefault.getMetadata();
        if (metadata != null && metadata.getGeneration() != null) {
            return String.valueOf(metadata.getGeneration());
        }
        return metadata == null || metadata.getResourceVersion() == null ? "" : metadata.getResourceVersion();
    }

    private static <T> List<T> keyed(
            String field,
            List<T> existing,
            List<PodDefault> podDefaults,
            Function<PodDefault.Spec, List<T>> entries,
            Function<T, String> key,
            List<PodDefaultConflict> conflicts) {
        return keyed(field, existing, podDefaults, entries, key, conflicts, "");
    }

    /** Appends entries with a new key; an entry with a known key must equal the first one, else a conflict. */
    private static <T> List<T> keyed(
            String field,
            List<T> existing,
            List<PodDefault> podDefaults,
            Function<PodDefault.Spec, List<T>> entries,
            Function<T, String> key,
            List<PodDefaultConflict> conflicts,
            String where) {
        List<T> merged = new ArrayList<>(list(existing));
        Map<String, Origin<T>> seen = new LinkedHashMap<>();
        merged.forEach(entry -> seen.putIfAbsent(key.apply(entry), new Origin<>(entry, THE_POD)));
        for (PodDefault podDefault : podDefaults) {
            for (T entry : list(entries.apply(podDefault.specOrEmpty()))) {
                if (entry == null) {
                    continue;
                }
                String entryKey = key.apply(entry);
                Origin<T> found = seen.get(entryKey);
                if (found == null) {
                    seen.put(entryKey, new Origin<>(entry, podDefault.name()));
                    merged.add(KubeModels.copy(entry));
                } else if (!same(found.value(), entry)) {
                    conflicts.add(
                            new PodDefaultConflict(podDefault.name(), field + " " + entryKey + where, found.from()));
                }
            }
        }
        return merged;
    }

    /** Keyed by name and by mount path: either seen before with a different mount is a conflict. */
    private static List<V1VolumeMount> volumeMounts(
            List<V1VolumeMount> existing,
            List<PodDefault> podDefaults,
            List<PodDefaultConflict> conflicts,
            String where) {
        List<V1VolumeMount> merged = new ArrayList<>(list(existing));
        Map<String, Origin<V1VolumeMount>> byName = new LinkedHashMap<>();
        Map<String, Origin<V1VolumeMount>> byPath = new LinkedHashMap<>();
        merged.forEach(mount -> {
            byName.putIfAbsent(mount.getName(), new Origin<>(mount, THE_POD));
            byPath.putIfAbsent(mount.getMountPath(), new Origin<>(mount, THE_POD));
        });
        for (PodDefault podDefault : podDefaults) {
            for (V1VolumeMount mount : list(podDefault.specOrEmpty().volumeMounts())) {
                if (mount == null) {
                    continue;
                }
                Origin<V1VolumeMount> sameName = byName.get(mount.getName());
                Origin<V1VolumeMount> samePath = byPath.get(mount.getMountPath());
                if (sameName != null && !same(sameName.value(), mount)) {
                    conflicts.add(new PodDefaultConflict(
                            podDefault.name(), "volumeMounts " + mount.getName() + where, sameName.from()));
                }
                if (samePath != null && !same(samePath.value(), mount)) {
                    conflicts.add(new PodDefaultConflict(
                            podDefault.name(), "volumeMounts at " + mount.getMountPath() + where, samePath.from()));
                }
                if (sameName == null) {
                    byName.put(mount.getName(), new Origin<>(mount, podDefault.name()));
                    merged.add(KubeModels.copy(mount));
                }
                byPath.putIfAbsent(mount.getMountPath(), new Origin<>(mount, podDefault.name()));
            }
        }
        return merged;
    }

    /** The webhook appends these without any check; equal ones are skipped here so a second pass adds nothing. */
    private static List<V1EnvFromSource> envFrom(List<V1EnvFromSource> existing, List<PodDefault> podDefaults) {
        List<V1EnvFromSource> merged = new ArrayList<>(list(existing));
        for (PodDefault podDefault : podDefaults) {
            for (V1EnvFromSource source : list(podDefault.specOrEmpty().envFrom())) {
                if (source != null && merged.stream().noneMatch(present -> same(present, source))) {
                    merged.add(KubeModels.copy(source));
                }
            }
        }
        return merged;
    }

    /** Only where the container has none; the first PodDefault that has one wins. */
    private static void setCommandAndArgs(V1Container container, List<PodDefault> podDefaults) {
        for (PodDefault podDefault : podDefaults) {
            PodDefault.Spec spec = podDefault.specOrEmpty();
            if (list(container.getCommand()).isEmpty() && !list(spec.command()).isEmpty()) {
                container.setCommand(new ArrayList<>(spec.command()));
            }
            if (list(container.getArgs()).isEmpty() && !list(spec.args()).isEmpty()) {
                container.setArgs(new ArrayList<>(spec.args()));
            }
        }
    }

    private static Map<String, String> map(
            String field,
            Map<String, String> existing,
            List<PodDefault> podDefaults,
            Function<PodDefault.Spec, Map<String, String>> entries,
            List<PodDefaultConflict> conflicts) {
        Map<String, String> merged = new TreeMap<>(existing == null ? Map.of() : existing);
        Map<String, String> from = new TreeMap<>();
        merged.keySet().forEach(key -> from.put(key, THE_POD));
        for (PodDefault podDefault : podDefaults) {
            Map<String, String> wanted = entries.apply(podDefault.specOrEmpty());
            if (wanted == null) {
                continue;
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(wanted).entrySet()) {
                String present = merged.get(entry.getKey());
                if (!merged.containsKey(entry.getKey())) {
                    merged.put(entry.getKey(), entry.getValue());
                    from.put(entry.getKey(), podDefault.name());
                } else if (!Objects.equals(present, entry.getValue())) {
                    conflicts.add(new PodDefaultConflict(
                            podDefault.name(), field + " " + entry.getKey(), from.get(entry.getKey())));
                }
            }
        }
        return merged.isEmpty() ? null : merged;
    }

    private static boolean same(Object present, Object wanted) {
        return KubeModels.tree(present).equals(KubeModels.tree(wanted));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static V1ObjectMeta metadata(V1PodTemplateSpec template) {
        return template.getMetadata() == null ? new V1ObjectMeta() : template.getMetadata();
    }

    private static Map<String, String> annotations(V1PodTemplateSpec template) {
        Map<String, String> annotations = metadata(template).getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private record Origin<T>(T value, String from) {}
}
