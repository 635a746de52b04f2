package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's Deployment controller, enough for a rollout: a ReplicaSet per pod template
 * ({@code <name>-<pod-template-hash>}, revision annotations), the new one scaled up and the old ones down once it is
 * available ({@code ScalingReplicaSet} Events), and the Deployment's status with {@code Available} and
 * {@code Progressing}. A rollout restart (a new template annotation) therefore gives a new pod.
 */
final class DeploymentController {

    static final String HASH_LABEL = "pod-template-hash";
    static final String REVISION = "deployment.kubernetes.io/revision";

    private final Workloads workloads;
    private final ComponentClient client;

    DeploymentController(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.DEPLOYMENTS, change -> {
            if (!change.type().equals("DELETED")) {
                reconcile(
                        Json.text(change.object(), "metadata", "namespace"),
                        Json.text(change.object(), "metadata", "name"));
            }
        });
        workloads.watch(Kinds.REPLICA_SETS, change -> WorkloadPods.controllerOf(change.object(), "Deployment")
                .ifPresent(owner -> reconcile(Json.text(change.object(), "metadata", "namespace"), owner)));
    }

    private void reconcile(String namespace, String name) {
        workloads.soon("deployment/" + namespace + "/" + name, () -> {
            Optional<ObjectNode> found = client.get(Kinds.DEPLOYMENTS, namespace, name);
            if (found.isPresent() && !WorkloadPods.terminating(found.get())) {
                sync(found.get());
            }
        });
    }

    private void sync(ObjectNode deployment) throws ApiError {
        String namespace = Json.text(deployment, "metadata", "namespace");
        String name = Json.text(deployment, "metadata", "name");
        int desired = deployment.path("spec").path("replicas").asInt(1);
        String hash = Revisions.hash(deployment.path("spec").path("template"));
        List<ObjectNode> sets = client.owned(Kinds.REPLICA_SETS, Json.text(deployment, "metadata", "uid"));
        ObjectNode newSet = sets.stream()
                .filter(set -> Json.text(set, "metadata", "labels", HASH_LABEL).equals(hash))
                .findFirst()
                .orElse(null);
        long revision = sets.stream()
                .mapToLong(set -> parseLong(Json.text(set, "metadata", "annotations", REVISION)))
                .max()
                .orElse(0);
        if (newSet == null) {
            newSet = client.create(Kinds.REPLICA_SETS, namespace, replicaSet(deployment, hash, desired, revision + 1));
            client.normal(
                    deployment,
                    "ScalingReplicaSet",
                    "Scaled up replica set " + Json.text(newSet, "metadata", "name") + " from 0 to " + desired);
        } else if (newSet.path("spec").path("replicas").asInt() != desired) {
            int from = newSet.path("spec").path("replicas").asInt();
            scale(newSet, desired);
            client.normal(
                    deployment,
                    "ScalingReplicaSet",
                    (desired > from ? "Scaled up" : "Scaled down") + " replica set "
                            + Json.text(newSet, "metadata", "name") + " from " + from + " to " + desired);
        }
        boolean newAvailable = newSet.path("status").path("availableReplicas").asInt(0) >= desired;
        String newName = Json.text(newSet, "metadata", "name");
        for (ObjectNode old : sets) {
            int replicas = old.path("spec").path("replicas").asInt();
            if (!Json.text(old, "metadata", "name").equals(newName) && replicas > 0 && newAvailable) {
                scale(old, 0);
                client.normal(
                        deployment,
                        "ScalingReplicaSet",
                        "Scaled down replica set " + Json.text(old, "metadata", "name") + " from " + replicas
                                + " to 0");
            }
        }
        String newRevision = Json.text(newSet, "metadata", "annotations", REVISION);
        if (!Json.text(deployment, "metadata", "annotations", REVISION).equals(newRevision)) {
            client.change(Kinds.DEPLOYMENTS, deployment, current -> {
                Json.objectAt(Json.metadata(current), "annotations").put(REVISION, newRevision);
                return current;
            });
        }
        writeStatus(
                deployment,
                client.owned(Kinds.REPLICA_SETS, Json.text(deployment, "metadata", "uid")),
                newName,
                desired);
    }

    private void scale(ObjectNode set, int replicas) throws ApiError {
        client.change(Kinds.REPLICA_SETS, set, current -> {
            Json.objectAt(current, "spec").put("replicas", replicas);
            Json.objectAt(Json.metadata(current), "annotations")
                    .put("deployment.kubernetes.io/desired-replicas", Integer.toString(replicas));
            return current;
        });
    }

    private static ObjectNode replicaSet(ObjectNode deployment, String hash, int replicas, long revision) {
        ObjectNode set = Json.object().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode template = deployment.path("spec").path("template").deepCopy();
        Json.objectAt(Json.metadata(template), "labels").put(HASH_LABEL, hash);
        ObjectNode metadata = set.putObject("metadata")
                .put("name", Json.text(deployment, "metadata", "name") + "-" + hash)
                .put("namespace", Json.text(deployment, "metadata", "namespace"));
        metadata.set("labels", template.path("metadata").path("labels").deepCopy());
        metadata.putObject("annotations")
                .put(REVISION, Long.toString(revision))
                .put("deployment.kubernetes.io/desired-replicas", Integer.toString(replicas))
                .put("deployment.kubernetes.io/max-replicas", Integer.toString(replicas + 1));
        metadata.putArray("ownerReferences").add(WorkloadPods.controllerReference(deployment));
        ObjectNode spec = set.putObject("spec").put("replicas", replicas);
        ObjectNode selector = deployment.path("spec").path("selector").deepCopy();
        Json.objectAt(selector, "matchLabels").put(HASH_LABEL, hash);
        spec.set("selector", selector);
        spec.set("template", template);
        return set;
    }

    private void writeStatus(ObjectNode deployment, List<ObjectNode> sets, String newName, int desired)
            throws ApiError {
        int replicas = 0;
        int updated = 0;
        int ready = 0;
        int available = 0;
        for (ObjectNode set : sets) {
            JsonNode status = set.path("status");
            replicas += status.path("replicas").asInt();
            ready += status.path("readyReplicas").asInt();
            available += status.path("availableReplicas").asInt();
            if (Json.text(set, "metadata", "name").equals(newName)) {
                updated = status.path("replicas").asInt();
            }
        }
        int unavailable = Math.max(desired - available, 0);
        String now = client.now();
        boolean progressed = updated == desired && available >= desired;
        int finalReplicas = replicas;
        int finalUpdated = updated;
        int finalReady = ready;
        int finalAvailable = available;
        client.changeStatus(Kinds.DEPLOYMENTS, deployment, current -> {
            ObjectNode status = Json.object()
                    .put(
                            "observedGeneration",
                            current.path("metadata").path("generation").asLong(1))
                    .put("replicas", finalReplicas)
                    .put("updatedReplicas", finalUpdated);
            if (finalReady > 0) {
                status.put("readyReplicas", finalReady);
            }
            if (finalAvailable > 0) {
                status.put("availableReplicas", finalAvailable);
            }
            if (unavailable > 0) {
                status.put("unavailableReplicas", unavailable);
            }
            ArrayNode conditions = status.putArray("conditions");
            JsonNode before = current.path("status").path("conditions");
            condition(
                    conditions,
                    before,
                    "Available",
                    finalAvailable >= desired ? "True" : "False",
                    finalAvailable >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    finalAvailable >= desired
                            ? "Deployment has minimum availability."
                            : "Deployment does not have minimum availability.",
                    now);
            condition(
                    conditions,
                    before,
                    "Progressing",
                    "True",
                    progressed ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    progressed
                            ? "ReplicaSet \"" + newName + "\" has successfully progressed."
                            : "ReplicaSet \"" + newName + "\" is progressing.",
                    now);
            current.set("status", status);
            return current;
        });
    }

    private static void condition(
            ArrayNode conditions,
            JsonNode before,
            String type,
            String status,
            String reason,
            String message,
            String now) {
        JsonNode previous = null;
        for (JsonNode condition : before) {
            if (condition.path("type").asText().equals(type)) {
                previous = condition;
            }
        }
        boolean same = previous != null
                && previous.path("status").asText().equals(status)
                && previous.path("reason").asText().equals(reason);
        boolean sameStatus =
                previous != null && previous.path("status").asText().equals(status);
        conditions
                .addObject()
                .put("type", type)
                .put("status", status)
                .put("lastUpdateTime", same ? previous.path("lastUpdateTime").asText(now) : now)
                .put(
                        "lastTransitionTime",
                        sameStatus ? previous.path("lastTransitionTime").asText(now) : now)
                .put("reason", reason)
                .put("message", message);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException none) {
            return 0;
        }
    }
}
