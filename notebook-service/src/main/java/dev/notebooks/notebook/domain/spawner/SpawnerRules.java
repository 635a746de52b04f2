package dev.notebooks.notebook.domain.spawner;

import dev.notebooks.notebook.domain.ImageReferences;
import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Names;
import dev.notebooks.notebook.domain.Quantities;
import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The steps JWA's backend takes from form fields to a pod spec, shared by create and edit. */
final class SpawnerRules {

    static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    static final String NOTEBOOK_NAME_PLACEHOLDER = "{notebook-name}";
    static final String SHM_VOLUME = "dshm";
    static final String SHM_PATH = "/dev/shm";
    static final String WORKSPACE_PATH = "/home/jovyan";
    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private SpawnerRules() {}

    /** JWA's rule for a read-only setting: the body must not carry the field. */
    static void notReadOnly(String field, Object bodyValue, boolean readOnly, List<Violation> violations) {
        if (readOnly && bodyValue != null) {
            violations.add(new Violation(field, "is read-only in the spawner configuration but a value was provided"));
        }
    }

    static Optional<String> image(String field, String image, List<Violation> violations) {
        if (image == null || image.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return Optional.empty();
        }
        String trimmed = image.strip();
        if (!ImageReferences.isValid(trimmed)) {
            violations.add(
                    new Violation(field, "must be an image reference, such as registry.example.com/team/image:tag"));
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    static void pullPolicy(V1Container server, String policy, List<Violation> violations) {
        if (policy == null) {
            return;
        }
        if (!PULL_POLICIES.contains(policy)) {
            violations.add(new Violation("imagePullPolicy", "must be one of Always, IfNotPresent, Never"));
            return;
        }
        server.setImagePullPolicy(policy);
    }

    /**
     * A request and its limit for one resource. A request without a limit gets the config's factor times the request
     * (none with factor {@code none}); a limit alone is checked against the request the container has.
     */
    static void resource(
            V1Container server,
            String resource,
            String requestField,
            String limitField,
            String request,
            String limit,
            SpawnerConfig.ResourceSetting setting,
            List<Violation> violations) {
        if (request == null && limit == null) {
            return;
        }
        V1ResourceRequirements resources =
                server.getResources() == null ? new V1ResourceRequirements() : server.getResources();
        String effectiveRequest =
                request != null ? request : text(requestsOf(resources).get(resource));
        Optional<BigDecimal> requested = Quantities.parse(effectiveRequest);
        if (requested.isEmpty()) {
            violations.add(new Violation(
                    requestField,
                    "must be a Kubernetes quantity, such as "
                            + ("cpu".equals(resource) ? "500m or 1.5" : "512Mi or 1.5Gi")));
            return;
        }
        if (requested.get().signum() <= 0) {
            violations.add(new Violation(requestField, "must be more than 0"));
            return;
        }
        String effectiveLimit = limit;
        if (limit == null || limit.isBlank()) {
            effectiveLimit = request == null
                    ? null
                    : setting == null
                            ? null
                            : setting.factor()
                                    .map(f -> Quantities.scaled(request, f))
                                    .orElse(null);
        } else {
            Optional<BigDecimal> limited = Quantities.parse(limit);
            if (limited.isEmpty()) {
                violations.add(new Violation(limitField, "must be a Kubernetes quantity"));
                return;
            }
            if (limited.get().compareTo(requested.get()) < 0) {
                violations.add(new Violation(limitField, "must be at least the request (" + effectiveRequest + ")"));
                return;
            }
        }
        Map<String, Quantity> requests = new HashMap<>(requestsOf(resources));
        requests.put(resource, new Quantity(effectiveRequest.strip()));
        Map<String, Quantity> limits = new HashMap<>(limitsOf(resources));
        if (effectiveLimit == null) {
            if (request != null) {
                limits.remove(resource);
            }
        } else {
            limits.put(resource, new Quantity(effectiveLimit.strip()));
        }
        server.setResources(resources.requests(requests).limits(limits.isEmpty() ? null : limits));
    }

    /** GPUs are a limit only, as JWA sets them; any other configured vendor's limit goes. */
    static void gpus(V1Container server, Gpus gpus, SpawnerConfig.GpuSetting setting, List<Violation> violations) {
        if (gpus == null) {
            return;
        }
        List<SpawnerConfig.GpuVendor> vendors = setting == null ? List.of() : setting.vendorsOrEmpty();
        if (gpus.num() == null || gpus.num().isBlank()) {
            violations.add(new Violation("gpus.num", "is required: a number of GPUs or 'none'"));
            return;
        }
        V1ResourceRequirements resources =
                server.getResources() == null ? new V1ResourceRequirements() : server.getResources();
        Map<String, Quantity> limits = new HashMap<>(limitsOf(resources));
        if (SpawnerConfig.NONE.equals(gpus.num())) {
            vendors.forEach(vendor -> limits.remove(vendor.limitsKey()));
            server.setResources(resources.limits(limits.isEmpty() ? null : limits));
            return;
        }
        int count;
        try {
            count = Integer.parseInt(gpus.num().strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count <= 0) {
            violations.add(new Violation("gpus.num", "must be a whole number above 0, or 'none'"));
            return;
        }
        if (gpus.vendor() == null || gpus.vendor().isBlank()) {
            violations.add(new Violation("gpus.vendor", "is required with a number of GPUs"));
            return;
        }
        if (!vendors.isEmpty() && vendors.stream().noneMatch(v -> v.limitsKey().equals(gpus.vendor()))) {
            violations.add(new Violation(
                    "gpus.vendor",
                    "must be one of "
                            + vendors.stream()
                                    .map(SpawnerConfig.GpuVendor::limitsKey)
                                    .toList()));
            return;
        }
        vendors.forEach(vendor -> limits.remove(vendor.limitsKey()));
        limits.put(gpus.vendor(), new Quantity(String.valueOf(count)));
        server.setResources(resources.limits(limits));
    }

    /** Adds the group's tolerations; {@code none} or empty adds nothing. */
    static List<V1Toleration> tolerationGroup(
            String group,
            SpawnerConfig.OptionSetting<SpawnerConfig.TolerationGroup> setting,
            List<Violation> violations) {
        if (group == null || group.isEmpty() || SpawnerConfig.NONE.equals(group)) {
            return List.of();
        }
        List<SpawnerConfig.TolerationGroup> groups = setting == null ? List.of() : setting.optionsOrEmpty();
        return groups.stream()
                .filter(option -> group.equals(option.groupKey()))
                .findFirst()
                .map(option -> option.tolerations() == null ? List.<V1Toleration>of() : option.tolerations())
                .orElseGet(() -> {
                    violations.add(new Violation(
                            "tolerationGroup",
                            "must be 'none' or one of "
                                    + groups.stream()
                                            .map(SpawnerConfig.TolerationGroup::groupKey)
                                            .toList()));
                    return List.of();
                });
    }

    static Optional<io.kubernetes.client.openapi.models.V1Affinity> affinity(
            String key, SpawnerConfig.OptionSetting<SpawnerConfig.AffinityOption> setting, List<Violation> violations) {
        if (key == null || key.isEmpty() || SpawnerConfig.NONE.equals(key)) {
            return Optional.empty();
        }
        List<SpawnerConfig.AffinityOption> options = setting == null ? List.of() : setting.optionsOrEmpty();
        Optional<SpawnerConfig.AffinityOption> option =
                options.stream().filter(o -> key.equals(o.configKey())).findFirst();
        if (option.isEmpty()) {
            violations.add(new Violation(
                    "affinityConfig",
                    "must be 'none' or one of "
                            + options.stream()
                                    .map(SpawnerConfig.AffinityOption::configKey)
                                    .toList()));
            return Optional.empty();
        }
        return Optional.ofNullable(KubeModels.copy(option.get().affinity()));
    }

    /** Each configuration is a PodDefault's selector label, set to {@code "true"} on the Notebook. */
    static void configurations(V1ObjectMeta metadata, List<String> configurations, List<Violation> violations) {
        for (int i = 0; i < configurations.size(); i++) {
            String key = configurations.get(i);
            if (!Names.isLabelKey(key)) {
                violations.add(
                        new Violation("configurations[" + i + "]", "must be a label key, such as access-ml-pipeline"));
            } else {
                metadata.putLabelsItem(key, "true");
            }
        }
    }

    static PodVolume shm() {
        return new PodVolume(
                "shm",
                new V1Volume()
                        .name(SHM_VOLUME)
                        .emptyDir(new io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource().medium("Memory")),
                new V1VolumeMount().name(SHM_VOLUME).mountPath(SHM_PATH),
                null);
    }

    /** JWA's {@code volumes.py}: a new PVC's volume is named after the claim, an existing claim after itself. */
    static Optional<PodVolume> volume(
            String field,
            FormVolume form,
            String notebookName,
            String namespace,
            RandomGenerator random,
            List<Violation> violations) {
        int before = violations.size();
        if (form == null) {
            violations.add(new Violation(field, "must be an object with mount and newPvc or existingSource"));
            return Optional.empty();
        }
        if (form.mount() == null || form.mount().isBlank()) {
            violations.add(new Violation(field + ".mount", "is required"));
        } else if (!form.mount().startsWith("/")) {
            violations.add(new Violation(field + ".mount", "must be an absolute path"));
        }
        if ((form.newPvc() == null) == (form.existingSource() == null)) {
            violations.add(new Violation(field, "must have exactly one of newPvc and existingSource"));
            return Optional.empty();
        }
        if (form.newPvc() != null) {
            Optional<V1PersistentVolumeClaim> claim =
                    claim(field + ".newPvc", form.newPvc(), notebookName, namespace, random, violations);
            if (claim.isEmpty() || violations.size() > before) {
                return Optional.empty();
            }
            String claimName = claim.get().getMetadata().getName();
            return Optional.of(new PodVolume(
                    field,
                    new V1Volume()
                            .name(claimName)
                            .persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName(claimName)),
                    new V1VolumeMount().name(claimName).mountPath(form.mount()),
                    claim.get()));
        }
        V1Volume source = form.existingSource();
        String name;
        if (source.getPersistentVolumeClaim() != null) {
            name = source.getPersistentVolumeClaim().getClaimName();
            if (!Names.isDns1123Subdomain(name)) {
                violations.add(
                        new Violation(field + ".existingSource.persistentVolumeClaim.claimName", "must name a PVC"));
                return Optional.empty();
            }
        } else {
            // JWA picks 8 random characters; these derive from the mount path, so an edit keeps the name
            name = "existing-source-volume-" + stableSuffix(form.mount() == null ? "" : form.mount());
        }
        if (violations.size() > before) {
            return Optional.empty();
        }
        V1Volume volume = KubeModels.copy(source).name(name);
        return Optional.of(
                new PodVolume(field, volume, new V1VolumeMount().name(name).mountPath(form.mount()), null));
    }

    private static Optional<V1PersistentVolumeClaim> claim(
            String field,
            V1PersistentVolumeClaim newPvc,
            String notebookName,
            String namespace,
            RandomGenerator random,
            List<Violation> violations) {
        V1PersistentVolumeClaim claim = KubeModels.copy(newPvc);
        V1ObjectMeta metadata = claim.getMetadata() == null ? new V1ObjectMeta() : claim.getMetadata();
        if (metadata.getNamespace() != null && !metadata.getNamespace().isEmpty()) {
            violations.add(new Violation(
                    field + ".metadata.namespace", "must not be set: the PVC goes in the notebook's namespace"));
            return Optional.empty();
        }
        String name = metadata.getName();
        if ((name == null || name.isEmpty())
                && metadata.getGenerateName() != null
                && !metadata.getGenerateName().isEmpty()) {
            // the name is needed before the claim exists, to mount it
            name = metadata.getGenerateName() + randomSuffix(random);
        }
        if (name == null || name.isEmpty()) {
            violations.add(new Violation(field + ".metadata.name", "is required"));
            return Optional.empty();
        }
        name = name.replace(NOTEBOOK_NAME_PLACEHOLDER, notebookName == null ? "" : notebookName);
        if (!Names.isDns1123Subdomain(name)) {
            violations.add(new Violation(
                    field + ".metadata.name", "must be a DNS-1123 subdomain, such as " + notebookName + "-workspace"));
            return Optional.empty();
        }
        Quantity storage = claim.getSpec() == null
                        || claim.getSpec().getResources() == null
                        || claim.getSpec().getResources().getRequests() == null
                ? null
                : claim.getSpec().getResources().getRequests().get("storage");
        if (Quantities.parse(storage).filter(size -> size.signum() > 0).isEmpty()) {
            violations.add(
                    new Violation(field + ".spec.resources.requests.storage", "is required, a size such as 5Gi"));
            return Optional.empty();
        }
        claim.setApiVersion("v1");
        claim.setKind("PersistentVolumeClaim");
        claim.setMetadata(metadata.name(name).generateName(null).namespace(namespace));
        return Optional.of(claim);
    }

    /** Every volume name and mount path once in the pod. */
    static void unique(List<PodVolume> volumes, List<Violation> violations) {
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (PodVolume volume : volumes) {
            if (!names.add(volume.volume().getName())) {
                violations.add(new Violation(
                        volume.field(), "volume " + volume.volume().getName() + " is mounted twice"));
            }
            if (!paths.add(volume.mount().getMountPath())) {
                violations.add(new Violation(
                        volume.field() + ".mount",
                        "mount path " + volume.mount().getMountPath() + " is used twice"));
            }
        }
    }

    static void addVolumes(V1PodSpec spec, V1Container server, List<PodVolume> volumes) {
        List<V1Volume> podVolumes = new ArrayList<>(spec.getVolumes() == null ? List.of() : spec.getVolumes());
        List<V1VolumeMount> mounts =
                new ArrayList<>(server.getVolumeMounts() == null ? List.of() : server.getVolumeMounts());
        for (PodVolume volume : volumes) {
            podVolumes.add(volume.volume());
            mounts.add(volume.mount());
        }
        spec.setVolumes(podVolumes);
        server.setVolumeMounts(mounts);
    }

    static Map<String, Quantity> requestsOf(V1ResourceRequirements resources) {
        return resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
    }

    static Map<String, Quantity> limitsOf(V1ResourceRequirements resources) {
        return resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
    }

    private static String text(Quantity quantity) {
        return quantity == null ? null : quantity.toSuffixedString();
    }

    private static String randomSuffix(RandomGenerator random) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(random.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static String stableSuffix(String seed) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long hash = 1125899906842597L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append(alphabet.charAt((int) Math.floorMod(hash, alphabet.length())));
            hash = Math.floorDiv(hash, alphabet.length()) ^ (hash << 7);
        }
        return suffix.toString();
    }
}
