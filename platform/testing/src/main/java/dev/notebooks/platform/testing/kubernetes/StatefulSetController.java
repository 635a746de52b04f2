package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kube-controller-manager's StatefulSet controller: pods {@code <name>-<ordinal>} from the template with their
 * {@code controller-revision-hash}, claims from {@code volumeClaimTemplates}, a ControllerRevision per template,
 * ordered scale up and down ({@code OrderedReady} waits for each pod to be Running and Ready), rolling updates (highest
 * ordinal first, down to the partition) and the full status. Every create and delete is an Event on the StatefulSet
 * ({@code SuccessfulCreate}, {@code FailedCreate} with the API's refusal, {@code SuccessfulDelete}).
 */
final class StatefulSetController {

    static final String REVISION_LABEL = "controller-revision-hash";

    private final Workloads workloads;
    private final ComponentClient client;

    StatefulSetController(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.STATEFUL_SETS, change -> {
            if (!change.type().equals("DELETED")) {
                reconcile(
                        Json.text(change.object(), "metadata", "namespace"),
                        Json.text(change.object(), "metadata", "name"));
            }
        });
        workloads.watch(Kinds.PODS, change -> {
            JsonNode pod = change.object();
            String namespace = Json.text(pod, "metadata", "namespace");
            WorkloadPods.controllerOf(pod, "StatefulSet").ifPresent(owner -> reconcile(namespace, owner));
            if (change.type().equals("DELETED")) {
                everyIn(namespace);
            }
        });
        // a refused pod may fit once a quota or limit changes
        workloads.watch(Kinds.QUOTAS, change -> everyIn(Json.text(change.object(), "metadata", "namespace")));
        workloads.watch(Kinds.LIMIT_RANGES, change -> everyIn(Json.text(change.object(), "metadata", "namespace")));
    }

    private void everyIn(String namespace) {
        workloads.soon("statefulsets-in/" + namespace, () -> {
            for (ObjectNode set : client.list(Kinds.STATEFUL_SETS, namespace)) {
                reconcile(namespace, Json.text(set, "metadata", "name"));
            }
        });
    }

    private void reconcile(String namespace, String name) {
        workloads.soon("statefulset/" + namespace + "/" + name, () -> {
            Optional<ObjectNode> found = client.get(Kinds.STATEFUL_SETS, namespace, name);
            if (found.isPresent() && !WorkloadPods.terminating(found.get())) {
                sync(found.get());
            }
        });
    }

    private void sync(ObjectNode set) throws ApiError {
        String name = Json.text(set, "metadata", "name");
        String updateRevision = name + "-" + Revisions.hash(set.path("spec").path("template"));
        ensureRevision(set, updateRevision);
        String currentRevision = Json.text(set, "status", "currentRevision");
        if (currentRevision.isEmpty()) {
            currentRevision = updateRevision;
        }
        Map<Integer, ObjectNode> pods = podsByOrdinal(set);
        act(set, pods, updateRevision);
        writeStatus(set, podsByOrdinal(set), currentRevision, updateRevision);
    }

    /** One pass of the controller's ordered work; it returns where the real one waits for a pod. */
    private void act(ObjectNode set, Map<Integer, ObjectNode> pods, String updateRevision) throws ApiError {
        int replicas = set.path("spec").path("replicas").asInt(1);
        boolean ordered = !Json.text(set, "spec", "podManagementPolicy").equals("Parallel");
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            ObjectNode pod = pods.get(ordinal);
            if (pod == null) {
                boolean created = create(set, ordinal, updateRevision);
                if (ordered || !created) {
                    return;
                }
                continue;
            }
            if (Json.text(pod, "status", "phase").equals("Failed")) {
                delete(set, pod);
                return;
            }
            if (ordered && (WorkloadPods.terminating(pod) || !WorkloadPods.runningAndReady(pod))) {
                return;
            }
        }
        for (int ordinal : ((TreeMap<Integer, ObjectNode>) pods).descendingKeySet()) {
            if (ordinal < replicas) {
                continue;
            }
            ObjectNode pod = pods.get(ordinal);
            if (WorkloadPods.terminating(pod)) {
                if (ordered) {
                    return;
                }
                continue;
            }
            delete(set, pod);
            if (ordered) {
                return;
            }
        }
        if (!Json.text(set, "spec", "updateStrategy", "type").equals("OnDelete")) {
            int partition = set.path("spec")
                    .path("updateStrategy")
                    .path("rollingUpdate")
                    .path("partition")
                    .asInt(0);
            for (int ordinal = replicas - 1; ordinal >= partition; ordinal--) {
                ObjectNode pod = pods.get(ordinal);
                if (pod == null) {
                    continue;
                }
                if (!Json.text(pod, "metadata", "labels", REVISION_LABEL).equals(updateRevision)
                        && !WorkloadPods.terminating(pod)) {
                    delete(set, pod);
                    return;
                }
                if (!WorkloadPods.runningAndReady(pod)) {
                    return;
                }
            }
        }
    }

    private boolean create(ObjectNode set, int ordinal, String revision) throws ApiError {
        String setName = Json.text(set, "metadata", "name");
        String namespace = Json.text(set, "metadata", "namespace");
        String podName = setName + "-" + ordinal;
        for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
            String claimName = Json.text(template, "metadata", "name") + "-" + podName;
            if (client.get(Kinds.PVCS, namespace, claimName).isPresent()) {
                continue;
            }
            try {
                client.create(Kinds.PVCS, namespace, claim(set, template, claimName));
                client.normal(
                        set,
                        "SuccessfulCreate",
                        "create Claim " + claimName + " Pod " + podName + " in StatefulSet " + setName + " success");
            } catch (ApiError refused) {
                client.warning(
                        set,
                        "FailedCreate",
                        "create Claim " + claimName + " for Pod " + podName + " in StatefulSet " + setName
                                + " failed error: " + refused.getMessage());
                return false;
            }
        }
        ObjectNode pod = WorkloadPods.fromTemplate(set.path("spec").path("template"), namespace, set);
        ObjectNode metadata = Json.metadata(pod).put("name", podName);
        Json.objectAt(metadata, "labels")
                .put(REVISION_LABEL, revision)
                .put("statefulset.kubernetes.io/pod-name", podName)
                .put("apps.kubernetes.io/pod-index", Integer.toString(ordinal));
        ObjectNode spec = Json.objectAt(pod, "spec").put("hostname", podName);
        if (!Json.text(set, "spec", "serviceName").isEmpty()) {
            spec.put("subdomain", Json.text(set, "spec", "serviceName"));
        }
        for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
            String volume = Json.text(template, "metadata", "name");
            ArrayNode volumes = spec.get("volumes") instanceof ArrayNode list ? list : spec.putArray("volumes");
            for (int i = volumes.size() - 1; i >= 0; i--) {
                if (volumes.get(i).path("name").asText().equals(volume)) {
                    volumes.remove(i);
                }
            }
            volumes.addObject()
                    .put("name", volume)
                    .putObject("persistentVolumeClaim")
                    .put("claimName", volume + "-" + podName);
        }
        try {
            client.create(Kinds.PODS, namespace, pod);
            client.normal(
                    set, "SuccessfulCreate", "create Pod " + podName + " in StatefulSet " + setName + " successful");
            return true;
        } catch (ApiError refused) {
            if (refused.status() == 409) {
                return false;
            }
            client.warning(
                    set,
                    "FailedCreate",
                    "create Pod " + podName + " in StatefulSet " + setName + " failed error: " + refused.getMessage());
            return false;
        }
    }

    private static ObjectNode claim(ObjectNode set, JsonNode template, String claimName) {
        ObjectNode claim = Json.object().put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
        ObjectNode metadata = template.path("metadata").deepCopy();
        metadata.put("name", claimName).put("namespace", Json.text(set, "metadata", "namespace"));
        ObjectNode labels = Json.objectAt(metadata, "labels");
        set.path("spec")
                .path("selector")
                .path("matchLabels")
                .fields()
                .forEachRemaining(
                        label -> labels.set(label.getKey(), label.getValue().deepCopy()));
        claim.set("metadata", metadata);
        claim.set("spec", template.path("spec").deepCopy());
        return claim;
    }

    private void delete(ObjectNode set, ObjectNode pod) throws ApiError {
        client.delete(Kinds.PODS, pod, null);
        client.normal(
                set,
                "SuccessfulDelete",
                "delete Pod " + Json.text(pod, "metadata", "name") + " in StatefulSet "
                        + Json.text(set, "metadata", "name") + " successful");
    }

    private Map<Integer, ObjectNode> podsByOrdinal(ObjectNode set) {
        String prefix = Json.text(set, "metadata", "name") + "-";
        Map<Integer, ObjectNode> pods = new TreeMap<>();
        for (ObjectNode pod : client.owned(Kinds.PODS, Json.text(set, "metadata", "uid"))) {
            String name = Json.text(pod, "metadata", "name");
            if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+")) {
                pods.put(Integer.parseInt(name.substring(prefix.length())), pod);
            }
        }
        return pods;
    }

    private void ensureRevision(ObjectNode set, String revisionName) throws ApiError {
        String namespace = Json.text(set, "metadata", "namespace");
        if (client.get(Kinds.CONTROLLER_REVISIONS, namespace, revisionName).isPresent()) {
            return;
        }
        long revision = 0;
        for (ObjectNode existing : client.owned(Kinds.CONTROLLER_REVISIONS, Json.text(set, "metadata", "uid"))) {
            revision = Math.max(revision, existing.path("revision").asLong());
        }
        ObjectNode object = Json.object().put("apiVersion", "apps/v1").put("kind", "ControllerRevision");
        ObjectNode metadata =
                object.putObject("metadata").put("name", revisionName).put("namespace", namespace);
        ObjectNode labels = metadata.putObject("labels");
        set.path("spec")
                .path("template")
                .path("metadata")
                .path("labels")
                .fields()
                .forEachRemaining(
                        label -> labels.set(label.getKey(), label.getValue().deepCopy()));
        labels.put("controller.kubernetes.io/hash", revisionName.substring(revisionName.lastIndexOf('-') + 1));
        metadata.putArray("ownerReferences").add(WorkloadPods.controllerReference(set));
        ObjectNode template = ((ObjectNode) set.path("spec").path("template").deepCopy()).put("$patch", "replace");
        object.putObject("data").putObject("spec").set("template", template);
        object.put("revision", revision + 1);
        try {
            client.create(Kinds.CONTROLLER_REVISIONS, namespace, object);
        } catch (ApiError exists) {
            if (exists.status() != 409) {
                throw exists;
            }
        }
    }

    private void writeStatus(
            ObjectNode set, Map<Integer, ObjectNode> pods, String currentRevision, String updateRevision)
            throws ApiError {
        int replicas = 0;
        int ready = 0;
        int current = 0;
        int updated = 0;
        for (ObjectNode pod : pods.values()) {
            replicas++;
            if (WorkloadPods.runningAndReady(pod)) {
                ready++;
            }
            if (!WorkloadPods.terminating(pod)) {
                String revision = Json.text(pod, "metadata", "labels", REVISION_LABEL);
                current += revision.equals(currentRevision) ? 1 : 0;
                updated += revision.equals(updateRevision) ? 1 : 0;
            }
        }
        int desired = set.path("spec").path("replicas").asInt(1);
        if (updated == desired && ready == desired && replicas == desired) {
            currentRevision = updateRevision;
            current = updated;
        }
        ObjectNode status = Json.object()
                .put(
                        "observedGeneration",
                        set.path("metadata").path("generation").asLong(1))
                .put("replicas", replicas);
        putIfPositive(status, "readyReplicas", ready);
        putIfPositive(status, "currentReplicas", current);
        putIfPositive(status, "updatedReplicas", updated);
        status.put("currentRevision", currentRevision)
                .put("updateRevision", updateRevision)
                .put("collisionCount", 0)
                .put("availableReplicas", ready);
        client.changeStatus(Kinds.STATEFUL_SETS, set, latest -> {
            latest.set("status", status);
            return latest;
        });
    }

    private static void putIfPositive(ObjectNode status, String field, int value) {
        if (value > 0) {
            status.put(field, value);
        }
    }
}
