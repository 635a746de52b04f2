package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default scheduler: a pending pod that fits a node is bound to it ({@code spec.nodeName}, {@code PodScheduled=True},
 * a {@code Scheduled} Event); one that fits none stays Pending with {@code PodScheduled=False}, reason
 * {@code Unschedulable}, and a {@code FailedScheduling} Event in the scheduler's words
 * ({@code 0/1 nodes are available: 1 Insufficient nvidia.com/gpu. preemption: ...}). Unschedulable pods are tried
 * again when pods go or nodes and claims change, as the scheduler's queue does.
 */
final class Scheduler {

    private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

    private final Workloads workloads;
    private final ComponentClient client;

    Scheduler(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.PODS, change -> {
            ObjectNode pod = change.object();
            if (change.type().equals("DELETED") || Quantities.terminal(pod)) {
                retryPending();
            } else if (isPending(pod)) {
                schedule(pod);
            }
        });
        workloads.watch(Kinds.NODES, change -> retryPending());
        workloads.watch(Kinds.PVCS, change -> retryPending());
    }

    private static boolean isPending(JsonNode pod) {
        String scheduler = Json.text(pod, "spec", "schedulerName");
        return Json.text(pod, "spec", "nodeName").isEmpty()
                && !pod.path("metadata").has("deletionTimestamp")
                && (scheduler.isEmpty() || scheduler.equals("default-scheduler"));
    }

    private void retryPending() {
        workloads.soon("scheduler/retry", () -> {
            for (ObjectNode pod : client.list(Kinds.PODS, null, Scheduler::isPending)) {
                schedule(pod);
            }
        });
    }

    private void schedule(ObjectNode pod) {
        String uid = Json.text(pod, "metadata", "uid");
        workloads.after(workloads.settings().timing().scheduling(), "scheduler/" + uid, () -> {
            ObjectNode current = client.get(
                            Kinds.PODS, Json.text(pod, "metadata", "namespace"), Json.text(pod, "metadata", "name"))
                    .filter(found -> Json.text(found, "metadata", "uid").equals(uid))
                    .orElse(null);
            if (current != null && isPending(current)) {
                attempt(current);
            }
        });
    }

    private void attempt(ObjectNode pod) throws ApiError {
        String namespace = Json.text(pod, "metadata", "namespace");
        List<ObjectNode> claims = new ArrayList<>();
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            String claimName = Json.text(volume, "persistentVolumeClaim", "claimName");
            if (claimName.isEmpty()) {
                continue;
            }
            Optional<ObjectNode> claim = client.get(Kinds.PVCS, namespace, claimName);
            if (claim.isEmpty()) {
                unschedulable(pod, "persistentvolumeclaim \"" + claimName + "\" not found", 0);
                return;
            }
            if (claim.get().path("metadata").has("deletionTimestamp")) {
                unschedulable(pod, "persistentvolumeclaim \"" + claimName + "\" is being deleted", 0);
                return;
            }
            claims.add(claim.get());
        }
        for (ObjectNode claim : claims) {
            if (!bound(claim) && !waitsForConsumer(claim)) {
                unschedulable(pod, "pod has unbound immediate PersistentVolumeClaims", 0);
                return;
            }
        }
        List<ObjectNode> nodes = client.list(Kinds.NODES, null);
        List<ObjectNode> pods = client.list(
                Kinds.PODS,
                null,
                other -> !Json.text(other, "spec", "nodeName").isEmpty() && !Quantities.terminal(other));
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> preemption = new TreeMap<>();
        ObjectNode chosen = null;
        for (ObjectNode node : nodes) {
            String name = Json.text(node, "metadata", "name");
            List<ObjectNode> onNode = pods.stream()
                    .filter(other -> Json.text(other, "spec", "nodeName").equals(name))
                    .toList();
            Optional<NodeFit.Misfit> misfit = NodeFit.check(pod, node, onNode);
            if (misfit.isEmpty()) {
                chosen = node;
                break;
            }
            misfit.get().reasons().forEach(reason -> reasons.merge(reason, 1, Integer::sum));
            preemption.merge(
                    misfit.get().preemptionCouldHelp()
                            ? "No preemption victims found for incoming pod"
                            : "Preemption is not helpful for scheduling",
                    1,
                    Integer::sum);
        }
        if (chosen == null) {
            unschedulable(
                    pod, histogram(nodes.size(), reasons) + preemptionMessage(nodes.size(), preemption), nodes.size());
            return;
        }
        String nodeName = Json.text(chosen, "metadata", "name");
        boolean volumesReady = true;
        for (ObjectNode claim : claims) {
            if (!bound(claim)) {
                volumesReady = false;
                if (Json.text(claim, "metadata", "annotations", SELECTED_NODE).isEmpty()) {
                    client.change(Kinds.PVCS, claim, current -> {
                        Json.objectAt(Json.metadata(current), "annotations").put(SELECTED_NODE, nodeName);
                        return current;
                    });
                }
            }
        }
        if (volumesReady) {
            bind(pod, nodeName);
        }
    }

    private void bind(ObjectNode pod, String nodeName) throws ApiError {
        String now = client.now();
        Optional<ObjectNode> bound = client.change(Kinds.PODS, pod, "binding", current -> {
            Json.objectAt(current, "spec").put("nodeName", nodeName);
            new PodConditions(Json.objectAt(current, "status"), now).set("PodScheduled", "True", null, null);
            return current;
        });
        bound.ifPresent(written -> client.normal(
                written,
                "Scheduled",
                "Successfully assigned " + Json.text(written, "metadata", "namespace") + "/"
                        + Json.text(written, "metadata", "name") + " to " + nodeName));
    }

    private void unschedulable(ObjectNode pod, String why, int nodes) throws ApiError {
        String message = why.startsWith("0/")
                ? why
                : "0/" + nodes + " nodes are available: " + why + "."
                        + preemptionMessage(
                                nodes,
                                nodes == 0 ? Map.of() : Map.of("Preemption is not helpful for scheduling", nodes));
        String now = client.now();
        Optional<ObjectNode> written = client.changeStatus(Kinds.PODS, pod, current -> {
            new PodConditions(Json.objectAt(current, "status"), now)
                    .set("PodScheduled", "False", "Unschedulable", message);
            return current;
        });
        written.ifPresent(current -> client.warning(current, "FailedScheduling", message));
    }

    private static String histogram(int nodes, Map<String, Integer> reasons) {
        List<String> counted = new ArrayList<>();
        reasons.forEach((reason, count) -> counted.add(count + " " + reason));
        counted.sort(null);
        return "0/" + nodes + " nodes are available"
                + (counted.isEmpty() ? "." : ": " + String.join(", ", counted) + ".");
    }

    private static String preemptionMessage(int nodes, Map<String, Integer> reasons) {
        List<String> counted = new ArrayList<>();
        reasons.forEach((reason, count) -> counted.add(count + " " + reason));
        counted.sort(null);
        return " preemption: 0/" + nodes + " nodes are available"
                + (counted.isEmpty() ? "." : ": " + String.join(", ", counted) + ".");
    }

    static boolean bound(JsonNode claim) {
        return Json.text(claim, "status", "phase").equals("Bound");
    }

    /** A claim whose class binds it only once a pod that uses it is scheduled. */
    private boolean waitsForConsumer(JsonNode claim) {
        String className = Json.text(claim, "spec", "storageClassName");
        return client.get(Kinds.STORAGE_CLASSES, null, className)
                .map(storageClass ->
                        Json.text(storageClass, "volumeBindingMode").equals("WaitForFirstConsumer"))
                .orElse(false);
    }
}
