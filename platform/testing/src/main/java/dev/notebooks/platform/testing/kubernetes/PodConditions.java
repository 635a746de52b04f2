package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod's {@code status.conditions} as the kubelet and scheduler write them: {@code lastTransitionTime} moves only when
 * the condition's status changes, {@code lastProbeTime} is null, and they are listed in the kubelet's order.
 */
final class PodConditions {

    private static final List<String> ORDER =
            List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled");

    private final ObjectNode status;
    private final String now;

    PodConditions(ObjectNode status, String now) {
        this.status = status;
        this.now = now;
    }

    void set(String type, String value, String reason, String message) {
        ArrayNode conditions =
                status.get("conditions") instanceof ArrayNode list ? list : status.putArray("conditions");
        ObjectNode existing = null;
        for (JsonNode condition : conditions) {
            if (condition.path("type").asText().equals(type)) {
                existing = (ObjectNode) condition;
            }
        }
        String transition = existing != null && existing.path("status").asText().equals(value)
                ? existing.path("lastTransitionTime").asText(now)
                : now;
        ObjectNode next = Json.object().put("type", type).put("status", value);
        next.putNull("lastProbeTime");
        next.put("lastTransitionTime", transition);
        if (reason != null) {
            next.put("reason", reason);
        }
        if (message != null) {
            next.put("message", message);
        }
        if (existing != null) {
            existing.removeAll();
            existing.setAll(next);
        } else {
            conditions.add(next);
        }
    }

    /** Sorts the conditions in the order the kubelet writes them. */
    void order() {
        if (!(status.get("conditions") instanceof ArrayNode conditions)) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        conditions.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingInt(condition -> {
            int index = ORDER.indexOf(condition.path("type").asText());
            return index < 0 ? ORDER.size() : index;
        }));
        conditions.removeAll();
        sorted.forEach(conditions::add);
    }
}
