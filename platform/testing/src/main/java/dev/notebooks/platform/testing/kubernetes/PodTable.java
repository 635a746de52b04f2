package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Pods as a {@code meta.k8s.io/v1} Table, the server-side printing kubectl asks for ({@code Accept: ...;as=Table}):
 * NAME, READY, STATUS, RESTARTS, AGE (and IP, NODE for {@code -o wide}), with STATUS worked out as the API server's
 * pod printer does, so {@code kubectl get pods -w} shows Pending, ContainerCreating, Running, Terminating.
 */
final class PodTable {

    private PodTable() {}

    static boolean wanted(ResourceType type, String accept) {
        return type.group().isEmpty() && type.plural().equals("pods") && accept != null && accept.contains("as=Table");
    }

    static ObjectNode of(List<? extends JsonNode> pods, String resourceVersion, String includeObject, Clock clock) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode columns = table.putArray("columnDefinitions");
        column(columns, "Name", "name", 0);
        column(columns, "Ready", "", 0);
        column(columns, "Status", "", 0);
        column(columns, "Restarts", "", 0);
        column(columns, "Age", "", 0);
        column(columns, "IP", "", 1);
        column(columns, "Node", "", 1);
        column(columns, "Nominated Node", "", 1);
        column(columns, "Readiness Gates", "", 1);
        ArrayNode rows = table.putArray("rows");
        for (JsonNode pod : pods) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(Json.text(pod, "metadata", "name"));
            cells.add(ready(pod));
            cells.add(status(pod));
            cells.add(restarts(pod));
            cells.add(age(Json.text(pod, "metadata", "creationTimestamp"), clock));
            cells.add(orNone(Json.text(pod, "status", "podIP")));
            cells.add(orNone(Json.text(pod, "spec", "nodeName")));
            cells.add("<none>");
            cells.add("<none>");
            switch (includeObject == null ? "Metadata" : includeObject) {
                case "None" -> {}
                case "Object" -> row.set("object", pod);
                default ->
                    row.putObject("object")
                            .put("kind", "PartialObjectMetadata")
                            .put("apiVersion", "meta.k8s.io/v1")
                            .set("metadata", pod.path("metadata").deepCopy());
            }
        }
        return table;
    }

    private static void column(ArrayNode columns, String name, String format, int priority) {
        columns.addObject()
                .put("name", name)
                .put("type", "string")
                .put("format", format)
                .put("description", "")
                .put("priority", priority);
    }

    private static String ready(JsonNode pod) {
        int total = pod.path("spec").path("containers").size();
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            ready += status.path("ready").asBoolean(false) ? 1 : 0;
        }
        return ready + "/" + total;
    }

    private static String restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            restarts += status.path("restartCount").asInt(0);
        }
        return Integer.toString(restarts);
    }

    /** As the API server's pod printer: a container's waiting or terminated reason wins over the phase. */
    static String status(JsonNode pod) {
        String reason = Json.text(pod, "status", "phase");
        if (!Json.text(pod, "status", "reason").isEmpty()) {
            reason = Json.text(pod, "status", "reason");
        }
        boolean running = false;
        JsonNode statuses = pod.path("status").path("containerStatuses");
        for (int i = statuses.size() - 1; i >= 0; i--) {
            JsonNode state = statuses.get(i).path("state");
            String waiting = state.path("waiting").path("reason").asText("");
            String terminated = state.path("terminated").path("reason").asText("");
            if (!waiting.isEmpty()) {
                reason = waiting;
            } else if (!terminated.isEmpty()) {
                reason = terminated;
            } else if (state.has("terminated")) {
                reason = "ExitCode:" + state.path("terminated").path("exitCode").asInt();
            } else if (state.has("running") && statuses.get(i).path("ready").asBoolean(false)) {
                running = true;
            }
        }
        if (reason.equals("Completed") && running) {
            reason = "Running";
        }
        if (pod.path("metadata").has("deletionTimestamp")) {
            reason = "Terminating";
        }
        return reason.isEmpty() ? "Unknown" : reason;
    }

    /** As kubectl's short durations: 42s, 3m12s, 25m, 5h, 3d. */
    static String age(String creationTimestamp, Clock clock) {
        if (creationTimestamp.isEmpty()) {
            return "<unknown>";
        }
        Duration age = Duration.between(Instant.parse(creationTimestamp), Instant.now(clock));
        long seconds = Math.max(age.getSeconds(), 0);
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return minutes + "m" + (seconds % 60) + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + "h" : (hours / 24) + "d";
    }

    private static String orNone(String value) {
        return value.isEmpty() ? "<none>" : value;
    }
}
