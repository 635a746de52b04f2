package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default scheduler's filters for one pod on one node, in its order (NodeUnschedulable, NodeName,
 * TaintToleration, NodeAffinity, NodeResourcesFit); the first that fails says why, in the scheduler's words.
 */
final class NodeFit {

    /** Why a node does not fit, and whether preempting other pods could change that. */
    record Misfit(List<String> reasons, boolean preemptionCouldHelp) {}

    private NodeFit() {}

    /** Empty when {@code pod} fits {@code node} beside {@code podsOnNode}. */
    static Optional<Misfit> check(JsonNode pod, JsonNode node, List<? extends JsonNode> podsOnNode) {
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            return misfit("node(s) were unschedulable");
        }
        String wanted = Json.text(pod, "spec", "nodeName");
        if (!wanted.isEmpty() && !wanted.equals(Json.text(node, "metadata", "name"))) {
            return misfit("node(s) didn't match the requested node name");
        }
        Optional<JsonNode> taint = untoleratedTaint(pod, node);
        if (taint.isPresent()) {
            return misfit("node(s) had untolerated taint {" + Json.text(taint.get(), "key") + ": "
                    + Json.text(taint.get(), "value") + "}");
        }
        if (!matchesNodeSelector(pod, node) || !matchesRequiredAffinity(pod, node)) {
            return misfit("node(s) didn't match Pod's node affinity/selector");
        }
        List<String> insufficient = insufficient(pod, node, podsOnNode);
        if (!insufficient.isEmpty()) {
            return Optional.of(new Misfit(insufficient, true));
        }
        return Optional.empty();
    }

    private static Optional<Misfit> misfit(String reason) {
        return Optional.of(new Misfit(List.of(reason), false));
    }

    private static Optional<JsonNode> untoleratedTaint(JsonNode pod, JsonNode node) {
        for (JsonNode taint : node.path("spec").path("taints")) {
            String effect = Json.text(taint, "effect");
            if (!effect.equals("NoSchedule") && !effect.equals("NoExecute")) {
                continue;
            }
            boolean tolerated = false;
            for (JsonNode toleration : pod.path("spec").path("tolerations")) {
                tolerated |= tolerates(toleration, taint);
            }
            if (!tolerated) {
                return Optional.of(taint);
            }
        }
        return Optional.empty();
    }

    private static boolean tolerates(JsonNode toleration, JsonNode taint) {
        String effect = Json.text(toleration, "effect");
        if (!effect.isEmpty() && !effect.equals(Json.text(taint, "effect"))) {
            return false;
        }
        String key = Json.text(toleration, "key");
        if (!key.isEmpty() && !key.equals(Json.text(taint, "key"))) {
            return false;
        }
        String operator = Json.text(toleration, "operator");
        if (operator.equals("Exists")) {
            return true;
        }
        return !key.isEmpty() && Json.text(toleration, "value").equals(Json.text(taint, "value"));
    }

    private static boolean matchesNodeSelector(JsonNode pod, JsonNode node) {
        JsonNode labels = node.path("metadata").path("labels");
        var entries = pod.path("spec").path("nodeSelector").fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!Json.text(labels, entry.getKey()).equals(entry.getValue().asText()) || !labels.has(entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesRequiredAffinity(JsonNode pod, JsonNode node) {
        JsonNode terms = pod.path("spec")
                .path("affinity")
                .path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution")
                .path("nodeSelectorTerms");
        if (!terms.isArray() || terms.isEmpty()) {
            return true;
        }
        for (JsonNode term : terms) {
            if (matchesTerm(term, node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesTerm(JsonNode term, JsonNode node) {
        if (term.path("matchExpressions").isEmpty() && term.path("matchFields").isEmpty()) {
            return false;
        }
        for (JsonNode expression : term.path("matchExpressions")) {
            JsonNode labels = node.path("metadata").path("labels");
            String key = Json.text(expression, "key");
            if (!matches(expression, labels.has(key) ? labels.get(key).asText() : null)) {
                return false;
            }
        }
        for (JsonNode expression : term.path("matchFields")) {
            String value =
                    Json.text(expression, "key").equals("metadata.name") ? Json.text(node, "metadata", "name") : null;
            if (!matches(expression, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode expression, String value) {
        List<String> values = new ArrayList<>();
        expression.path("values").forEach(v -> values.add(v.asText()));
        return switch (Json.text(expression, "operator")) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt" -> value != null && compare(value, values) > 0;
            case "Lt" -> value != null && compare(value, values) < 0;
            default -> false;
        };
    }

    private static int compare(String value, List<String> values) {
        try {
            return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
        } catch (RuntimeException notNumbers) {
            return 0;
        }
    }

    private static List<String> insufficient(JsonNode pod, JsonNode node, List<? extends JsonNode> podsOnNode) {
        Map<String, BigDecimal> allocatable = Quantities.of(node.path("status").path("allocatable"));
        List<String> reasons = new ArrayList<>();
        BigDecimal maxPods = allocatable.getOrDefault("pods", BigDecimal.valueOf(110));
        if (BigDecimal.valueOf(podsOnNode.size() + 1L).compareTo(maxPods) > 0) {
            reasons.add("Too many pods");
        }
        Map<String, BigDecimal> used = new java.util.TreeMap<>();
        for (JsonNode other : podsOnNode) {
            Quantities.ofPod(other, "requests").forEach((name, value) -> used.merge(name, value, BigDecimal::add));
        }
        Quantities.ofPod(pod, "requests").forEach((name, value) -> {
            if (value.signum() <= 0) {
                return;
            }
            BigDecimal available =
                    allocatable.getOrDefault(name, BigDecimal.ZERO).subtract(used.getOrDefault(name, BigDecimal.ZERO));
            if (value.compareTo(available) > 0) {
                reasons.add("Insufficient " + name);
            }
        });
        return reasons;
    }
}
