package dev.notebooks.platform.testing.kubernetes;

import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' strategic-merge metadata ({@code patchStrategy} and {@code patchMergeKey} in its Go types) for the
 * built-in kinds the suite and its users touch: which lists merge, and by which key. A list not named here is
 * replaced as a whole, as in Kubernetes. Strategic merge patch and the OpenAPI extensions
 * ({@code x-kubernetes-patch-strategy}, {@code x-kubernetes-patch-merge-key}) both read it.
 */
final class PatchStrategies {

    /** How a list merges; {@code mergeKey} empty for a list of plain values merged as a set. */
    record Strategy(String mergeKey, boolean retainKeys) {}

    private static final Strategy SET = new Strategy("", false);

    private static final Map<String, Strategy> LISTS = Map.ofEntries(
            Map.entry("V1ObjectMeta.finalizers", SET),
            Map.entry("V1ObjectMeta.ownerReferences", key("uid")),
            Map.entry("V1PodSpec.containers", key("name")),
            Map.entry("V1PodSpec.initContainers", key("name")),
            Map.entry("V1PodSpec.ephemeralContainers", key("name")),
            Map.entry("V1PodSpec.volumes", new Strategy("name", true)),
            Map.entry("V1PodSpec.imagePullSecrets", key("name")),
            Map.entry("V1PodSpec.hostAliases", key("ip")),
            Map.entry("V1PodSpec.topologySpreadConstraints", key("topologyKey")),
            Map.entry("V1PodSpec.resourceClaims", new Strategy("name", true)),
            Map.entry("V1PodSpec.schedulingGates", key("name")),
            Map.entry("V1Container.env", key("name")),
            Map.entry("V1Container.ports", key("containerPort")),
            Map.entry("V1Container.volumeMounts", key("mountPath")),
            Map.entry("V1Container.volumeDevices", key("devicePath")),
            Map.entry("V1EphemeralContainer.env", key("name")),
            Map.entry("V1EphemeralContainer.ports", key("containerPort")),
            Map.entry("V1EphemeralContainer.volumeMounts", key("mountPath")),
            Map.entry("V1EphemeralContainer.volumeDevices", key("devicePath")),
            Map.entry("V1ServiceSpec.ports", key("port")),
            Map.entry("V1ServiceAccount.secrets", key("name")),
            Map.entry("V1PodStatus.conditions", key("type")),
            Map.entry("V1PodStatus.podIPs", key("ip")),
            Map.entry("V1PodStatus.hostIPs", key("ip")),
            Map.entry("V1NodeStatus.conditions", key("type")),
            Map.entry("V1NodeStatus.addresses", key("type")),
            Map.entry("V1NodeSpec.podCIDRs", SET),
            Map.entry("V1NamespaceStatus.conditions", key("type")),
            Map.entry("V1PersistentVolumeClaimStatus.conditions", key("type")),
            Map.entry("V1DeploymentStatus.conditions", key("type")),
            Map.entry("V1StatefulSetStatus.conditions", key("type")),
            Map.entry("V1ReplicaSetStatus.conditions", key("type")),
            Map.entry("V1DaemonSetStatus.conditions", key("type")),
            Map.entry("V1ServiceStatus.conditions", key("type")),
            Map.entry("V1PodDisruptionBudgetStatus.conditions", key("type")));

    /** Members whose object keeps only the keys a patch names ({@code patchStrategy: retainKeys}). */
    private static final Map<String, Boolean> RETAIN_KEYS = Map.of(
            "V1DeploymentSpec.strategy", true,
            "V1DaemonSetSpec.updateStrategy", true);

    private PatchStrategies() {}

    static Optional<Strategy> list(Class<?> model, String member) {
        return model == null ? Optional.empty() : Optional.ofNullable(LISTS.get(model.getSimpleName() + "." + member));
    }

    static boolean retainsKeys(Class<?> model, String member) {
        return model != null && RETAIN_KEYS.containsKey(model.getSimpleName() + "." + member);
    }

    private static Strategy key(String mergeKey) {
        return new Strategy(mergeKey, false);
    }
}
