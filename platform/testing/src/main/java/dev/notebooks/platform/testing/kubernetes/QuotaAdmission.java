package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ResourceQuota admission plugin: a create (or a claim's expansion) that would take a namespace over a quota's
 * {@code hard} is refused with the API server's message ({@code exceeded quota: <name>, requested: ..., used: ...,
 * limited: ...}); a pod that does not state a request or limit a quota tracks for cpu or memory is refused
 * ({@code failed quota: <name>: must specify ...}). Usage is counted from the store, inside the write.
 */
final class QuotaAdmission implements ObjectApi.Admission {

    private static final Set<String> MUST_SPECIFY =
            Set.of("cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory");

    @Override
    public void admit(ObjectApi.AdmissionRequest request) throws ApiError {
        ResourceType type = request.type();
        if (!type.namespaced()
                || !request.subresource().isEmpty()
                || request.operation().equals("DELETE")) {
            return;
        }
        Map<String, BigDecimal> requested;
        if (request.operation().equals("CREATE")) {
            requested = QuotaUsage.of(type, request.object());
        } else if (type.group().isEmpty() && type.plural().equals("persistentvolumeclaims")) {
            BigDecimal growth = QuotaUsage.storage(request.object()).subtract(QuotaUsage.storage(request.previous()));
            if (growth.signum() <= 0) {
                return;
            }
            requested = new TreeMap<>(Map.of("requests.storage", growth));
            String storageClass = Json.text(request.object(), "spec", "storageClassName");
            if (!storageClass.isEmpty()) {
                requested.put(storageClass + ".storageclass.storage.k8s.io/requests.storage", growth);
            }
        } else {
            return;
        }
        String namespace = Json.text(request.object(), "metadata", "namespace");
        ObjectApi api = request.api();
        for (ObjectNode quota : api.store().list(Kinds.QUOTAS, namespace)) {
            if (quota.path("metadata").has("deletionTimestamp")) {
                continue;
            }
            Map<String, BigDecimal> hard = Quantities.of(quota.path("spec").path("hard"));
            String quotaName = Json.text(quota, "metadata", "name");
            if (request.operation().equals("CREATE")
                    && type.group().isEmpty()
                    && type.plural().equals("pods")) {
                var missing = mustSpecify(request.object(), hard.keySet());
                if (missing.isPresent()) {
                    throw forbidden(
                            type, request.object(), "failed quota: " + quotaName + ": must specify " + missing.get());
                }
            }
            Map<String, BigDecimal> used = QuotaUsage.used(api.store(), api.types(), namespace, hard.keySet());
            Set<String> exceeded = new TreeSet<>();
            requested.forEach((name, amount) -> {
                if (hard.containsKey(name)
                        && used.getOrDefault(name, BigDecimal.ZERO).add(amount).compareTo(hard.get(name)) > 0) {
                    exceeded.add(name);
                }
            });
            if (!exceeded.isEmpty()) {
                throw forbidden(
                        type,
                        request.object(),
                        "exceeded quota: " + quotaName
                                + ", requested: " + listed(exceeded, requested)
                                + ", used: " + listed(exceeded, used)
                                + ", limited: " + listed(exceeded, hard));
            }
        }
    }

    private static java.util.Optional<String> mustSpecify(JsonNode pod, Set<String> hard) {
        Set<String> required = new TreeSet<>(hard);
        required.retainAll(MUST_SPECIFY);
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path("spec").path(list)) {
                for (String resource : required) {
                    boolean limit = resource.startsWith("limits.");
                    String name = resource.substring(resource.indexOf('.') + 1);
                    JsonNode given = container
                            .path("resources")
                            .path(limit ? "limits" : "requests")
                            .path(name);
                    if (given.isMissingNode() || given.isNull()) {
                        missing.computeIfAbsent(resource, key -> new TreeSet<>())
                                .add(container.path("name").asText());
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        missing.forEach((resource, containers) -> parts.add(resource + " for: " + String.join(",", containers)));
        return java.util.Optional.of(String.join("; ", parts));
    }

    private static String listed(Set<String> names, Map<String, BigDecimal> values) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(name + "=" + Quantities.format(name, values.getOrDefault(name, BigDecimal.ZERO)));
        }
        return String.join(",", parts);
    }

    static ApiError forbidden(ResourceType type, JsonNode object, String why) {
        String name = Json.text(object, "metadata", "name");
        ObjectNode details = Json.object().put("name", name).put("kind", type.plural());
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        String qualified = type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
        return new ApiError(403, "Forbidden", qualified + " \"" + name + "\" is forbidden: " + why, List.of(), details);
    }
}
