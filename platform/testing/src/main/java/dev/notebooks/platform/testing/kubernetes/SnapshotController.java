package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The CSI snapshot controller and the driver's snapshotter: a VolumeSnapshot of a bound claim gets the default class
 * if it names none, a VolumeSnapshotContent ({@code snapcontent-<uid>}) and, after its delay, {@code readyToUse} with
 * {@code restoreSize} and {@code creationTime}; a snapshot of a claim that is missing or unbound reports why in
 * {@code status.error}. Deleting a snapshot deletes its content when the class says {@code Delete}.
 */
final class SnapshotController {

    private static final String DEFAULT_CLASS = "snapshot.storage.kubernetes.io/is-default-class";

    private final Workloads workloads;
    private final ComponentClient client;

    SnapshotController(Workloads workloads, ComponentClient client) {
        this.workloads = workloads;
        this.client = client;
    }

    void start() {
        workloads.watch(Kinds.SNAPSHOTS, change -> {
            if (change.type().equals("DELETED")) {
                deleteContentOf(change.object());
            } else if (!change.object().path("status").path("readyToUse").asBoolean(false)) {
                reconcile(change.object());
            }
        });
        workloads.watch(Kinds.PVCS, change -> {
            if (Scheduler.bound(change.object()) && client.serves(Kinds.SNAPSHOTS)) {
                for (ObjectNode snapshot : client.list(
                        Kinds.SNAPSHOTS,
                        Json.text(change.object(), "metadata", "namespace"),
                        s -> !s.path("status").path("readyToUse").asBoolean(false))) {
                    reconcile(snapshot);
                }
            }
        });
    }

    private void reconcile(ObjectNode seen) {
        String uid = Json.text(seen, "metadata", "uid");
        workloads.after(workloads.settings().timing().snapshot(), "snapshot/" + uid, () -> {
            ObjectNode snapshot = client.get(
                            Kinds.SNAPSHOTS,
                            Json.text(seen, "metadata", "namespace"),
                            Json.text(seen, "metadata", "name"))
                    .filter(found -> Json.text(found, "metadata", "uid").equals(uid))
                    .orElse(null);
            if (snapshot != null
                    && !WorkloadPods.terminating(snapshot)
                    && !snapshot.path("status").path("readyToUse").asBoolean(false)) {
                take(snapshot);
            }
        });
    }

    private void take(ObjectNode snapshot) throws ApiError {
        String namespace = Json.text(snapshot, "metadata", "namespace");
        String name = Json.text(snapshot, "metadata", "name");
        String className = Json.text(snapshot, "spec", "volumeSnapshotClassName");
        if (className.isEmpty()) {
            Optional<String> defaultClass = client.list(Kinds.SNAPSHOT_CLASSES, null).stream()
                    .filter(c -> Json.text(c, "metadata", "annotations", DEFAULT_CLASS)
                            .equals("true"))
                    .map(c -> Json.text(c, "metadata", "name"))
                    .findFirst();
            if (defaultClass.isEmpty()) {
                failed(snapshot, "Failed to set default snapshot class with error cannot find default snapshot class");
                return;
            }
            client.change(Kinds.SNAPSHOTS, snapshot, current -> {
                Json.objectAt(current, "spec").put("volumeSnapshotClassName", defaultClass.get());
                return current;
            });
            return;
        }
        String claimName = Json.text(snapshot, "spec", "source", "persistentVolumeClaimName");
        Optional<ObjectNode> claim = client.get(Kinds.PVCS, namespace, claimName);
        if (claim.isEmpty() || !Scheduler.bound(claim.get())) {
            failed(
                    snapshot,
                    "Failed to create snapshot content with error snapshot controller failed to update "
                            + namespace + "/" + name + " on API server: cannot get claim from snapshot"
                            + (claim.isEmpty()
                                    ? ": persistentvolumeclaim \"" + claimName + "\" not found"
                                    : ": the PVC " + claimName
                                            + " is not yet bound to a PV, will not attempt to take a snapshot"));
            return;
        }
        ObjectNode snapshotClass =
                client.get(Kinds.SNAPSHOT_CLASSES, null, className).orElse(null);
        if (snapshotClass == null) {
            failed(
                    snapshot,
                    "Failed to get snapshot class with error volumesnapshotclass.snapshot.storage.k8s.io \"" + className
                            + "\" not found");
            return;
        }
        client.normal(
                snapshot,
                "CreatingSnapshot",
                "Waiting for a snapshot " + namespace + "/" + name + " to be created by the CSI driver.");
        String contentName = "snapcontent-" + Json.text(snapshot, "metadata", "uid");
        String restoreSize = Json.text(claim.get(), "status", "capacity", "storage");
        Instant taken = Instant.parse(client.now());
        if (client.get(Kinds.SNAPSHOT_CONTENTS, null, contentName).isEmpty()) {
            ObjectNode content = Json.object()
                    .put("apiVersion", "snapshot.storage.k8s.io/v1")
                    .put("kind", "VolumeSnapshotContent");
            content.putObject("metadata").put("name", contentName);
            ObjectNode spec = content.putObject("spec")
                    .put("deletionPolicy", Json.text(snapshotClass, "deletionPolicy"))
                    .put("driver", Json.text(snapshotClass, "driver"))
                    .put("volumeSnapshotClassName", className);
            String volumeHandle = client.get(Kinds.PVS, null, Json.text(claim.get(), "spec", "volumeName"))
                    .map(volume -> Json.text(volume, "spec", "csi", "volumeHandle"))
                    .orElse("");
            spec.putObject("source").put("volumeHandle", volumeHandle);
            spec.putObject("volumeSnapshotRef")
                    .put("apiVersion", "snapshot.storage.k8s.io/v1")
                    .put("kind", "VolumeSnapshot")
                    .put("name", name)
                    .put("namespace", namespace)
                    .put("uid", Json.text(snapshot, "metadata", "uid"))
                    .put("resourceVersion", Json.text(snapshot, "metadata", "resourceVersion"));
            ObjectNode created = client.create(Kinds.SNAPSHOT_CONTENTS, null, content);
            client.changeStatus(Kinds.SNAPSHOT_CONTENTS, created, current -> {
                current.putObject("status")
                        .put("creationTime", taken.getEpochSecond() * 1_000_000_000L)
                        .put("readyToUse", true)
                        .put("restoreSize", Quantities.parse(restoreSize).longValue())
                        .put("snapshotHandle", java.util.UUID.randomUUID().toString());
                return current;
            });
        }
        Optional<ObjectNode> ready = client.changeStatus(Kinds.SNAPSHOTS, snapshot, current -> {
            current.putObject("status")
                    .put("boundVolumeSnapshotContentName", contentName)
                    .put("creationTime", taken.toString())
                    .put("readyToUse", true)
                    .put("restoreSize", restoreSize);
            return current;
        });
        ready.ifPresent(current -> {
            client.normal(
                    current,
                    "SnapshotCreated",
                    "Snapshot " + namespace + "/" + name + " was successfully created by the CSI driver.");
            client.normal(current, "SnapshotReady", "Snapshot " + namespace + "/" + name + " is ready to use.");
        });
    }

    private void failed(ObjectNode snapshot, String message) throws ApiError {
        String now = client.now();
        Optional<ObjectNode> written = client.changeStatus(Kinds.SNAPSHOTS, snapshot, current -> {
            ObjectNode status = Json.objectAt(current, "status").put("readyToUse", false);
            JsonNode previous = current.path("status").path("error");
            if (!previous.path("message").asText().equals(message)) {
                status.putObject("error").put("message", message).put("time", now);
            }
            return current;
        });
        written.ifPresent(current -> client.warning(current, "SnapshotContentCreationFailed", message));
    }

    private void deleteContentOf(ObjectNode snapshot) {
        String contentName = Json.text(snapshot, "status", "boundVolumeSnapshotContentName");
        if (contentName.isEmpty()) {
            return;
        }
        workloads.soon("snapshot-content/" + contentName, () -> {
            Optional<ObjectNode> content = client.get(Kinds.SNAPSHOT_CONTENTS, null, contentName);
            if (content.isPresent()
                    && Json.text(content.get(), "spec", "deletionPolicy").equals("Delete")) {
                client.delete(Kinds.SNAPSHOT_CONTENTS, content.get(), null);
            }
        });
    }
}
