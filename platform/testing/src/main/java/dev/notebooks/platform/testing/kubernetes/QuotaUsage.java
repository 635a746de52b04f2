package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What an object counts against a ResourceQuota, by the quota's resource names, as the quota evaluators count it. */
final class QuotaUsage {

    private static final Set<String> LEGACY_COUNTS =
            Set.of("services", "configmaps", "secrets", "replicationcontrollers", "resourcequotas");
    private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage");

    private QuotaUsage() {}

    static Map<String, BigDecimal> of(ResourceType type, JsonNode object) {
        Map<String, BigDecimal> usage = new TreeMap<>();
        if (!type.namespaced()) {
            return usage;
        }
        String count = "count/" + type.plural() + (type.group().isEmpty() ? "" : "." + type.group());
        usage.put(count, BigDecimal.ONE);
        if (type.group().isEmpty() && LEGACY_COUNTS.contains(type.plural())) {
            usage.put(type.plural(), BigDecimal.ONE);
        }
        if (type.group().isEmpty() && type.plural().equals("pods")) {
            if (Quantities.terminal(object)) {
                return new TreeMap<>();
            }
            usage.put("pods", BigDecimal.ONE);
            Quantities.ofPod(object, "requests").forEach((name, value) -> {
                usage.put("requests." + name, value);
                if (STANDARD.contains(name)) {
                    usage.put(name, value);
                }
            });
            Quantities.ofPod(object, "limits").forEach((name, value) -> {
                if (STANDARD.contains(name)) {
                    usage.put("limits." + name, value);
                }
            });
        }
        if (type.group().isEmpty() && type.plural().equals("persistentvolumeclaims")) {
            usage.put("persistentvolumeclaims", BigDecimal.ONE);
            BigDecimal storage = storage(object);
            usage.put("requests.storage", storage);
            String storageClass = Json.text(object, "spec", "storageClassName");
            if (!storageClass.isEmpty()) {
                String prefix = storageClass + ".storageclass.storage.k8s.io/";
                usage.put(prefix + "requests.storage", storage);
                usage.put(prefix + "persistentvolumeclaims", BigDecimal.ONE);
            }
        }
        return usage;
    }

    /** A claim's storage: the larger of what it asks for and what is allocated (an expansion in flight counts). */
    static BigDecimal storage(JsonNode claim) {
        BigDecimal requested = Quantities.parse(
                claim.path("spec").path("resources").path("requests").path("storage"));
        BigDecimal allocated =
                Quantities.parse(claim.path("status").path("allocatedResources").path("storage"));
        return requested.max(allocated);
    }

    /** Everything in {@code namespace} that the quota names in {@code hard} count, summed. Call under the store's lock. */
    static Map<String, BigDecimal> used(ObjectStore store, ResourceTypes types, String namespace, Set<String> hard) {
        Map<String, BigDecimal> used = new TreeMap<>();
        hard.forEach(name -> used.put(name, BigDecimal.ZERO));
        for (GroupResource kind : store.kindsIn(namespace)) {
            ResourceType type = types.find(kind).orElse(null);
            if (type == null || !counted(type, hard)) {
                continue;
            }
            for (JsonNode object : store.list(kind, namespace)) {
                of(type, object).forEach((name, value) -> {
                    if (hard.contains(name)) {
                        used.merge(name, value, BigDecimal::add);
                    }
                });
            }
        }
        return used;
    }

    private static boolean counted(ResourceType type, Set<String> hard) {
        boolean computeOrClaims = type.group().isEmpty()
                && (type.plural().equals("pods") || type.plural().equals("persistentvolumeclaims"));
        String count = "count/" + type.plural() + (type.group().isEmpty() ? "" : "." + type.group());
        return computeOrClaims || hard.contains(count) || (type.group().isEmpty() && hard.contains(type.plural()));
    }
}
