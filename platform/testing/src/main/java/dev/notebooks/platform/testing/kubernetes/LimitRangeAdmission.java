package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The LimitRanger admission plugin for containers: a new pod's containers get the namespace's LimitRange
 * {@code default} limits and {@code defaultRequest} requests they do not state (noted in the
 * {@code kubernetes.io/limit-ranger} annotation), and a container over a {@code max} or under a {@code min} is
 * refused with the plugin's message.
 */
final class LimitRangeAdmission implements ObjectApi.Admission {

    static final String ANNOTATION = "kubernetes.io/limit-ranger";

    @Override
    public void admit(ObjectApi.AdmissionRequest request) throws ApiError {
        ResourceType type = request.type();
        if (!request.operation().equals("CREATE")
                || !type.group().isEmpty()
                || !type.plural().equals("pods")) {
            return;
        }
        ObjectNode pod = request.object();
        String namespace = Json.text(pod, "metadata", "namespace");
        List<String> notes = new ArrayList<>();
        for (ObjectNode range : request.api().store().list(Kinds.LIMIT_RANGES, namespace)) {
            for (JsonNode limit : range.path("spec").path("limits")) {
                if (!Json.text(limit, "type").equals("Container")) {
                    continue;
                }
                Map<String, JsonNode> defaults = merged(limit.path("default"), limit.path("max"));
                Map<String, JsonNode> defaultRequests = merged(limit.path("defaultRequest"), null);
                defaults.forEach(defaultRequests::putIfAbsent);
                for (String list : List.of("containers", "initContainers")) {
                    for (JsonNode container : pod.path("spec").path(list)) {
                        String kind = list.equals("containers") ? "container" : "init container";
                        apply((ObjectNode) container, kind, defaults, defaultRequests, notes);
                        check(type, pod, (ObjectNode) container, limit);
                    }
                }
            }
        }
        if (!notes.isEmpty()) {
            Json.objectAt(Json.metadata(pod), "annotations")
                    .put(ANNOTATION, "LimitRanger plugin set: " + String.join("; ", notes));
        }
    }

    private static Map<String, JsonNode> merged(JsonNode first, JsonNode second) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (second != null) {
            second.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue()));
        }
        first.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }

    private static void apply(
            ObjectNode container,
            String kind,
            Map<String, JsonNode> limits,
            Map<String, JsonNode> requests,
            List<String> notes) {
        ObjectNode resources = Json.objectAt(container, "resources");
        TreeSet<String> setRequests = new TreeSet<>();
        TreeSet<String> setLimits = new TreeSet<>();
        requests.forEach((name, value) -> {
            ObjectNode given = Json.objectAt(resources, "requests");
            if (!given.has(name)) {
                given.set(name, value.deepCopy());
                setRequests.add(name);
            }
        });
        limits.forEach((name, value) -> {
            ObjectNode given = Json.objectAt(resources, "limits");
            if (!given.has(name)) {
                given.set(name, value.deepCopy());
                setLimits.add(name);
            }
        });
        for (String part : List.of("requests", "limits")) {
            if (resources.path(part).isEmpty()) {
                resources.remove(part);
            }
        }
        String name = container.path("name").asText();
        if (!setRequests.isEmpty()) {
            notes.add(String.join(", ", setRequests) + " request for " + kind + " " + name);
        }
        if (!setLimits.isEmpty()) {
            notes.add(String.join(", ", setLimits) + " limit for " + kind + " " + name);
        }
    }

    private static void check(ResourceType type, JsonNode pod, ObjectNode container, JsonNode limit) throws ApiError {
        var max = limit.path("max").fields();
        while (max.hasNext()) {
            var entry = max.next();
            JsonNode given = container.path("resources").path("limits").path(entry.getKey());
            if (!given.isMissingNode() && Quantities.parse(given).compareTo(Quantities.parse(entry.getValue())) > 0) {
                throw QuotaAdmission.forbidden(
                        type,
                        pod,
                        "maximum " + entry.getKey() + " usage per Container is "
                                + entry.getValue().asText() + ", but limit is " + given.asText());
            }
        }
        var min = limit.path("min").fields();
        while (min.hasNext()) {
            var entry = min.next();
            JsonNode given = container.path("resources").path("requests").path(entry.getKey());
            BigDecimal request = given.isMissingNode() ? BigDecimal.ZERO : Quantities.parse(given);
            if (request.compareTo(Quantities.parse(entry.getValue())) < 0) {
                throw QuotaAdmission.forbidden(
                        type,
                        pod,
                        "minimum " + entry.getKey() + " usage per Container is "
                                + entry.getValue().asText() + ", but request is "
                                + (given.isMissingNode() ? "0" : given.asText()));
            }
        }
    }
}
