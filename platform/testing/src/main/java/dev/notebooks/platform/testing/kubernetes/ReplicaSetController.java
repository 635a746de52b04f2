package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** kube-controller-manager's ReplicaSet controller: as many pods as {@code replicas} ({@code <name>-<random>}), and its status. */
final class ReplicaSetController {

    private final Workloads workloads;
    private final ComponentClient client;

    ReplicaSetController(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.REPLICA_SETS, change -> {
            if (!change.type().equals("DELETED")) {
                reconcile(
                        Json.text(change.object(), "metadata", "namespace"),
                        Json.text(change.object(), "metadata", "name"));
            }
        });
        workloads.watch(Kinds.PODS, change -> WorkloadPods.controllerOf(change.object(), "ReplicaSet")
                .ifPresent(owner -> reconcile(Json.text(change.object(), "metadata", "namespace"), owner)));
    }

    private void reconcile(String namespace, String name) {
        workloads.soon("replicaset/" + namespace + "/" + name, () -> {
            Optional<ObjectNode> found = client.get(Kinds.REPLICA_SETS, namespace, name);
            if (found.isPresent() && !WorkloadPods.terminating(found.get())) {
                sync(found.get());
            }
        });
    }

    private void sync(ObjectNode set) throws ApiError {
        String namespace = Json.text(set, "metadata", "namespace");
        String name = Json.text(set, "metadata", "name");
        List<ObjectNode> active = active(set);
        int desired = set.path("spec").path("replicas").asInt(1);
        for (int missing = desired - active.size(); missing > 0; missing--) {
            ObjectNode pod = WorkloadPods.fromTemplate(set.path("spec").path("template"), namespace, set);
            Json.metadata(pod).put("generateName", name + "-");
            try {
                ObjectNode created = client.create(Kinds.PODS, namespace, pod);
                client.normal(set, "SuccessfulCreate", "Created pod: " + Json.text(created, "metadata", "name"));
            } catch (ApiError refused) {
                client.warning(set, "FailedCreate", "Error creating: " + refused.getMessage());
                break;
            }
        }
        if (active.size() > desired) {
            List<ObjectNode> condemned = active.stream()
                    .sorted(Comparator.comparing((ObjectNode pod) -> WorkloadPods.runningAndReady(pod))
                            .thenComparing(
                                    pod -> Json.text(pod, "metadata", "creationTimestamp"), Comparator.reverseOrder()))
                    .limit(active.size() - desired)
                    .toList();
            for (ObjectNode pod : condemned) {
                client.delete(Kinds.PODS, pod, null);
                client.normal(set, "SuccessfulDelete", "Deleted pod: " + Json.text(pod, "metadata", "name"));
            }
        }
        List<ObjectNode> now = active(set);
        long ready = now.stream().filter(WorkloadPods::runningAndReady).count();
        ObjectNode status = Json.object().put("replicas", now.size());
        if (!now.isEmpty()) {
            status.put("fullyLabeledReplicas", now.size());
        }
        if (ready > 0) {
            status.put("readyReplicas", ready).put("availableReplicas", ready);
        }
        status.put("observedGeneration", set.path("metadata").path("generation").asLong(1));
        client.changeStatus(Kinds.REPLICA_SETS, set, current -> {
            current.set("status", status);
            return current;
        });
    }

    private List<ObjectNode> active(JsonNode set) {
        return client.owned(Kinds.PODS, Json.text(set, "metadata", "uid")).stream()
                .filter(pod -> !WorkloadPods.terminating(pod) && !Quantities.terminal(pod))
                .toList();
    }
}
