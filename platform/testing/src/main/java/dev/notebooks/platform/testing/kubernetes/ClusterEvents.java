package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core v1 Events as client-go's event recorder writes them: one per involved object, reason and message, with
 * {@code count} and {@code lastTimestamp} bumped when the same one happens again (as its correlator does), in the
 * involved object's namespace ({@code default} for cluster-scoped objects).
 */
final class ClusterEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);

    private final ObjectApi api;
    private final Map<String, String> namesByKey = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.nanoTime());

    ClusterEvents(ObjectApi api) {
        this.api = api;
    }

    void record(ComponentClient by, ObjectNode involved, String fieldPath, String type, String reason, String message) {
        String namespace = Json.text(involved, "metadata", "namespace");
        String eventNamespace = namespace.isEmpty() ? "default" : namespace;
        String component = by.component().equals("kube-controller-manager") ? controllerOf(involved) : by.component();
        String key = String.join(
                "\u0000", Json.text(involved, "metadata", "uid"), fieldPath, type, reason, message, component);
        try {
            ResourceType events = by.type(Kinds.EVENTS);
            String existing = namesByKey.get(key);
            String now = api.now();
            if (existing != null) {
                boolean bumped = api.write(() -> {
                    ObjectNode stored = api.store()
                            .get(Kinds.EVENTS, eventNamespace, existing)
                            .orElse(null);
                    if (stored == null) {
                        return false;
                    }
                    ObjectNode next = stored.deepCopy();
                    next.put("count", stored.path("count").asInt(1) + 1).put("lastTimestamp", now);
                    api.commit(events, "v1", stored, next, "", ObjectApi.WriteOptions.by(by.component()));
                    return true;
                });
                if (bumped) {
                    return;
                }
            }
            String name = Json.text(involved, "metadata", "name") + "." + Long.toHexString(sequence.incrementAndGet());
            ObjectNode event = Json.object().put("apiVersion", "v1").put("kind", "Event");
            event.putObject("metadata").put("name", name).put("namespace", eventNamespace);
            ObjectNode reference = event.putObject("involvedObject")
                    .put("kind", Json.text(involved, "kind"))
                    .put("namespace", namespace)
                    .put("name", Json.text(involved, "metadata", "name"))
                    .put("uid", Json.text(involved, "metadata", "uid"))
                    .put("apiVersion", Json.text(involved, "apiVersion"))
                    .put("resourceVersion", Json.text(involved, "metadata", "resourceVersion"));
            if (namespace.isEmpty()) {
                reference.remove("namespace");
            }
            if (!fieldPath.isEmpty()) {
                reference.put("fieldPath", fieldPath);
            }
            ObjectNode source = event.putObject("source").put("component", component);
            String host = Json.text(involved, "spec", "nodeName");
            if (by.component().equals("kubelet") && !host.isEmpty()) {
                source.put("host", host);
            }
            event.put("reason", reason)
                    .put("message", message)
                    .put("type", type)
                    .put("count", 1)
                    .put("firstTimestamp", now)
                    .put("lastTimestamp", now)
                    .put("reportingComponent", component)
                    .put("reportingInstance", host.isEmpty() || !by.component().equals("kubelet") ? "" : host);
            event.putNull("eventTime");
            api.create(events, "v1", eventNamespace, event, ObjectApi.WriteOptions.by(by.component()));
            namesByKey.put(key, name);
        } catch (ApiError refused) {
            // e.g. the namespace is terminating: a recorder drops the event, as client-go's does
            LOG.debug(
                    "Event {} on {} dropped: {}",
                    reason,
                    Json.text(involved, "metadata", "name"),
                    refused.getMessage());
        }
    }

    /** The controller name client-go's recorders of kube-controller-manager report. */
    private static String controllerOf(ObjectNode involved) {
        return switch (Json.text(involved, "kind")) {
            case "StatefulSet" -> "statefulset-controller";
            case "Deployment" -> "deployment-controller";
            case "ReplicaSet" -> "replicaset-controller";
            case "PersistentVolumeClaim", "PersistentVolume" -> "persistentvolume-controller";
            case "ResourceQuota" -> "resourcequota-controller";
            default -> "kube-controller-manager";
        };
    }
}
