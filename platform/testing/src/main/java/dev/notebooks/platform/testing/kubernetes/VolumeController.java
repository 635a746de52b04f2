package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What makes claims move: the persistent volume controller and a CSI driver's external provisioner (a claim of an
 * {@code Immediate} class is provisioned and bound at once, one of a {@code WaitForFirstConsumer} class once the
 * scheduler picked a node for a pod that uses it, one restored from a VolumeSnapshot once that is ready), the external
 * resizer and the kubelet's file system expansion ({@code FileSystemResizePending} until a running pod uses the claim),
 * and the PVC protection controller (a deleted claim keeps {@code kubernetes.io/pvc-protection} while a pod uses it).
 * The bound volume goes with its claim (reclaim policy {@code Delete}).
 */
final class VolumeController {

    private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    private static final String RESIZE_PENDING = "FileSystemResizePending";

    private final Workloads workloads;
    private final ComponentClient controller;
    private final ComponentClient kubelet;

    VolumeController(Workloads workloads, ComponentClient controller, ComponentClient kubelet) {
        this.workloads = workloads;
        this.controller = controller;
        this.kubelet = kubelet;
    }

    void start() throws ApiError {
        StorageSeed.seed(controller);
        workloads.watch(Kinds.PVCS, change -> {
            if (change.type().equals("DELETED")) {
                releaseVolumeOf(change.object());
            } else {
                reconcile(change.object());
            }
        });
        workloads.watch(Kinds.PODS, change -> {
            String namespace = Json.text(change.object(), "metadata", "namespace");
            for (String claim : claimsOf(change.object())) {
                controller.get(Kinds.PVCS, namespace, claim).ifPresent(this::reconcile);
            }
        });
        workloads.watch(Kinds.SNAPSHOTS, change -> {
            String namespace = Json.text(change.object(), "metadata", "namespace");
            for (ObjectNode claim : controller.list(Kinds.PVCS, namespace, c -> !Scheduler.bound(c))) {
                reconcile(claim);
            }
        });
    }

    private void reconcile(ObjectNode seen) {
        String key = Json.text(seen, "metadata", "namespace") + "/" + Json.text(seen, "metadata", "name");
        workloads.soon("claim/" + key, () -> {
            ObjectNode claim = controller
                    .get(Kinds.PVCS, Json.text(seen, "metadata", "namespace"), Json.text(seen, "metadata", "name"))
                    .orElse(null);
            if (claim == null) {
                return;
            }
            if (WorkloadPods.terminating(claim)) {
                protect(claim);
            } else if (!Scheduler.bound(claim)) {
                bind(claim);
            } else {
                resize(claim);
            }
        });
    }

    // ---- binding ----

    private void bind(ObjectNode claim) throws ApiError {
        String className = Json.text(claim, "spec", "storageClassName");
        if (className.isEmpty() || !Json.text(claim, "spec", "volumeName").isEmpty()) {
            return;
        }
        Optional<ObjectNode> storageClass = controller.get(Kinds.STORAGE_CLASSES, null, className);
        if (storageClass.isEmpty()) {
            controller.warning(
                    claim, "ProvisioningFailed", "storageclass.storage.k8s.io \"" + className + "\" not found");
            return;
        }
        if (Json.text(storageClass.get(), "volumeBindingMode").equals("WaitForFirstConsumer")
                && Json.text(claim, "metadata", "annotations", SELECTED_NODE).isEmpty()) {
            controller.normal(claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
            return;
        }
        BigDecimal size = VolumeAdmission.requested(claim);
        JsonNode source = claim.path("spec").path("dataSourceRef").isObject()
                ? claim.path("spec").path("dataSourceRef")
                : claim.path("spec").path("dataSource");
        String provisioner = Json.text(storageClass.get(), "provisioner");
        String claimKey = Json.text(claim, "metadata", "namespace") + "/" + Json.text(claim, "metadata", "name");
        if (Json.text(source, "kind").equals("VolumeSnapshot")) {
            String snapshotName = Json.text(source, "name");
            Optional<ObjectNode> snapshot = controller.serves(Kinds.SNAPSHOTS)
                    ? controller.get(Kinds.SNAPSHOTS, Json.text(claim, "metadata", "namespace"), snapshotName)
                    : Optional.empty();
            if (snapshot.isEmpty()
                    || !snapshot.get().path("status").path("readyToUse").asBoolean(false)) {
                controller.warning(
                        claim,
                        "ProvisioningFailed",
                        "failed to provision volume with StorageClass \""
                                + className + "\": error getting handle for DataSource Type VolumeSnapshot by Name "
                                + snapshotName + ": "
                                + (snapshot.isEmpty()
                                        ? "error getting snapshot " + snapshotName
                                                + " from api server: volumesnapshots.snapshot.storage.k8s.io \""
                                                + snapshotName + "\" not found"
                                        : "snapshot " + snapshotName + " is not Ready"));
                return;
            }
            size = size.max(Quantities.parse(snapshot.get().path("status").path("restoreSize")));
        }
        controller.normal(
                claim, "Provisioning", "External provisioner is provisioning volume for claim \"" + claimKey + "\"");
        BigDecimal capacity = size;
        workloads.after(
                workloads.settings().timing().volumeProvisioning(),
                "provision/" + Json.text(claim, "metadata", "uid"),
                () -> provision(claim, provisioner, capacity));
    }

    private void provision(ObjectNode seen, String provisioner, BigDecimal capacity) throws ApiError {
        ObjectNode claim = current(seen).orElse(null);
        if (claim == null || Scheduler.bound(claim) || WorkloadPods.terminating(claim)) {
            return;
        }
        String volumeName = "pvc-" + Json.text(claim, "metadata", "uid");
        String storage = Quantities.format("storage", capacity);
        if (controller.get(Kinds.PVS, null, volumeName).isEmpty()) {
            ObjectNode volume = Json.object().put("apiVersion", "v1").put("kind", "PersistentVolume");
            volume.putObject("metadata")
                    .put("name", volumeName)
                    .putObject("annotations")
                    .put("pv.kubernetes.io/provisioned-by", provisioner)
                    .put("volume.kubernetes.io/provisioner-deletion-secret-name", "")
                    .put("volume.kubernetes.io/provisioner-deletion-secret-namespace", "");
            ObjectNode spec = volume.putObject("spec");
            spec.set("accessModes", claim.path("spec").path("accessModes").deepCopy());
            spec.putObject("capacity").put("storage", storage);
            spec.putObject("claimRef")
                    .put("apiVersion", "v1")
                    .put("kind", "PersistentVolumeClaim")
                    .put("name", Json.text(claim, "metadata", "name"))
                    .put("namespace", Json.text(claim, "metadata", "namespace"))
                    .put("uid", Json.text(claim, "metadata", "uid"))
                    .put("resourceVersion", Json.text(claim, "metadata", "resourceVersion"));
            spec.putObject("csi")
                    .put("driver", provisioner)
                    .put("volumeHandle", java.util.UUID.randomUUID().toString())
                    .put("fsType", "ext4");
            spec.put("persistentVolumeReclaimPolicy", "Delete")
                    .put("storageClassName", Json.text(claim, "spec", "storageClassName"))
                    .put(
                            "volumeMode",
                            Json.text(claim, "spec", "volumeMode").isEmpty()
                                    ? "Filesystem"
                                    : Json.text(claim, "spec", "volumeMode"));
            ObjectNode created = controller.create(Kinds.PVS, null, volume);
            controller.changeStatus(Kinds.PVS, created, current -> {
                Json.objectAt(current, "status").put("phase", "Bound");
                return current;
            });
        }
        Optional<ObjectNode> bound = controller.change(Kinds.PVCS, claim, current -> {
            Json.objectAt(current, "spec").put("volumeName", volumeName);
            Json.objectAt(Json.metadata(current), "annotations")
                    .put("pv.kubernetes.io/bind-completed", "yes")
                    .put("pv.kubernetes.io/bound-by-controller", "yes")
                    .put("volume.beta.kubernetes.io/storage-provisioner", provisioner)
                    .put("volume.kubernetes.io/storage-provisioner", provisioner);
            return current;
        });
        if (bound.isEmpty()) {
            return;
        }
        controller.changeStatus(Kinds.PVCS, bound.get(), current -> {
            ObjectNode status = Json.objectAt(current, "status").put("phase", "Bound");
            status.set("accessModes", current.path("spec").path("accessModes").deepCopy());
            status.putObject("capacity").put("storage", storage);
            return current;
        });
        controller.normal(bound.get(), "ProvisioningSucceeded", "Successfully provisioned volume " + volumeName);
    }

    // ---- expansion ----

    private void resize(ObjectNode claim) throws ApiError {
        BigDecimal requested = VolumeAdmission.requested(claim);
        BigDecimal capacity =
                Quantities.parse(claim.path("status").path("capacity").path("storage"));
        if (requested.compareTo(capacity) <= 0) {
            return;
        }
        BigDecimal allocated =
                Quantities.parse(claim.path("status").path("allocatedResources").path("storage"));
        String uid = Json.text(claim, "metadata", "uid");
        String volumeName = Json.text(claim, "spec", "volumeName");
        var timing = workloads.settings().timing();
        if (allocated.compareTo(requested) < 0) {
            workloads.after(timing.volumeResize(), "resize/" + uid, () -> expandVolume(claim, requested, volumeName));
        } else if (usedByRunningPod(claim)) {
            workloads.after(timing.volumeResize(), "node-expand/" + uid, () -> expandFileSystem(claim, volumeName));
        }
    }

    private void expandVolume(ObjectNode seen, BigDecimal size, String volumeName) throws ApiError {
        ObjectNode claim = current(seen).orElse(null);
        if (claim == null) {
            return;
        }
        String storage = Quantities.format("storage", size);
        controller.normal(claim, "Resizing", "External resizer is resizing volume " + volumeName);
        Optional<ObjectNode> volume = controller.get(Kinds.PVS, null, volumeName);
        if (volume.isPresent()) {
            controller.change(Kinds.PVS, volume.get(), current -> {
                Json.objectAt(Json.objectAt(current, "spec"), "capacity").put("storage", storage);
                return current;
            });
        }
        String now = controller.now();
        Optional<ObjectNode> written = controller.changeStatus(Kinds.PVCS, claim, current -> {
            ObjectNode status = Json.objectAt(current, "status");
            status.putObject("allocatedResources").put("storage", storage);
            status.putObject("allocatedResourceStatuses").put("storage", "NodeResizePending");
            ArrayNode conditions = status.putArray("conditions");
            conditions
                    .addObject()
                    .put("type", RESIZE_PENDING)
                    .put("status", "True")
                    .putNull("lastProbeTime")
                    .put("lastTransitionTime", now)
                    .put(
                            "message",
                            "Waiting for user to (re-)start a pod to finish file system resize of volume on node.");
            return current;
        });
        written.ifPresent(current ->
                controller.normal(current, "FileSystemResizeRequired", "Require file system resize of volume on node"));
    }

    private void expandFileSystem(ObjectNode seen, String volumeName) throws ApiError {
        ObjectNode claim = current(seen).orElse(null);
        if (claim == null || !usedByRunningPod(claim)) {
            return;
        }
        String allocated = Json.text(claim, "status", "allocatedResources", "storage");
        Optional<ObjectNode> written = kubelet.changeStatus(Kinds.PVCS, claim, current -> {
            ObjectNode status = Json.objectAt(current, "status");
            Json.objectAt(status, "capacity").put("storage", allocated);
            status.remove("allocatedResourceStatuses");
            status.remove("conditions");
            return current;
        });
        String node = runningPodsUsing(claim).stream()
                .findFirst()
                .map(pod -> Json.text(pod, "spec", "nodeName"))
                .orElse("");
        written.ifPresent(current -> kubelet.normal(
                current,
                "FileSystemResizeSuccessful",
                "MountVolume.NodeExpandVolume succeeded for volume \"" + volumeName + "\" " + node));
    }

    // ---- protection and release ----

    private void protect(ObjectNode claim) throws ApiError {
        if (!podsUsing(claim).isEmpty()) {
            return;
        }
        controller.change(Kinds.PVCS, claim, current -> {
            ArrayNode kept = Json.array();
            current.path("metadata").path("finalizers").forEach(finalizer -> {
                if (!finalizer.asText().equals(VolumeAdmission.PROTECTION)) {
                    kept.add(finalizer.asText());
                }
            });
            Json.metadata(current).set("finalizers", kept);
            return current;
        });
    }

    private void releaseVolumeOf(ObjectNode claim) {
        String volumeName = Json.text(claim, "spec", "volumeName");
        if (volumeName.isEmpty()) {
            return;
        }
        workloads.soon("release/" + volumeName, () -> {
            Optional<ObjectNode> volume = controller.get(Kinds.PVS, null, volumeName);
            if (volume.isPresent()
                    && Json.text(volume.get(), "spec", "persistentVolumeReclaimPolicy")
                            .equals("Delete")
                    && Json.text(volume.get(), "spec", "claimRef", "uid").equals(Json.text(claim, "metadata", "uid"))) {
                controller.delete(Kinds.PVS, volume.get(), null);
            }
        });
    }

    // ---- helpers ----

    private Optional<ObjectNode> current(ObjectNode seen) {
        return controller
                .get(Kinds.PVCS, Json.text(seen, "metadata", "namespace"), Json.text(seen, "metadata", "name"))
                .filter(found -> Json.text(found, "metadata", "uid").equals(Json.text(seen, "metadata", "uid")));
    }

    /** Pods that use the claim and have not finished (a terminating pod still holds it). */
    private List<ObjectNode> podsUsing(ObjectNode claim) {
        String name = Json.text(claim, "metadata", "name");
        return controller.list(
                Kinds.PODS,
                Json.text(claim, "metadata", "namespace"),
                pod -> !Quantities.terminal(pod) && claimsOf(pod).contains(name));
    }

    private List<ObjectNode> runningPodsUsing(ObjectNode claim) {
        return podsUsing(claim).stream()
                .filter(pod -> Json.text(pod, "status", "phase").equals("Running") && !WorkloadPods.terminating(pod))
                .toList();
    }

    private boolean usedByRunningPod(ObjectNode claim) {
        return !runningPodsUsing(claim).isEmpty();
    }

    static List<String> claimsOf(JsonNode pod) {
        java.util.ArrayList<String> claims = new java.util.ArrayList<>();
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            String claim = Json.text(volume, "persistentVolumeClaim", "claimName");
            if (!claim.isEmpty()) {
                claims.add(claim);
            }
        }
        return claims;
    }
}
