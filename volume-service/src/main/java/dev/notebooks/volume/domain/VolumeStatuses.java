package dev.notebooks.volume.domain;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * VWA's status rules ({@code apps/common/status.py}), with two changes: the Event read is the claim's newest (VWA
 * takes whichever the API listed first), and a claim of a {@code WaitForFirstConsumer} class says why it waits even
 * before the binder wrote its Event. A bound claim whose request exceeds its capacity shows the resize in progress.
 */
public final class VolumeStatuses {

    public static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";
    static final String RESIZE_PENDING = "FileSystemResizePending";
    static final String RESIZING = "Resizing";

    private VolumeStatuses() {}

    /**
     * @param events the claim's Events, in any order
     * @param storageClass the claim's class, when it exists
     */
    public static VolumeStatus of(
            V1PersistentVolumeClaim claim, List<CoreV1Event> events, Optional<StorageClassInfo> storageClass) {
        if (Claims.terminating(claim)) {
            return new VolumeStatus(VolumeStatus.TERMINATING, "Deleting Volume...", "Terminating");
        }
        if (Claims.bound(claim)) {
            if (Claims.resizePending(claim)) {
                return resizing(claim);
            }
            return new VolumeStatus(VolumeStatus.READY, "Bound", Claims.BOUND);
        }
        Optional<CoreV1Event> newest = newest(events);
        boolean waitsForConsumer =
                storageClass.map(StorageClassInfo::waitsForFirstConsumer).orElse(false);
        if (newest.isEmpty()) {
            return waitsForConsumer
                    ? waitingForConsumer(storageClass.get().name())
                    : new VolumeStatus(VolumeStatus.WAITING, "Provisioning Volume...", "Provisioning");
        }
        CoreV1Event event = newest.get();
        String reason = event.getReason() == null ? "" : event.getReason();
        String message = "Pending: " + (event.getMessage() == null ? reason : event.getMessage());
        if (WAIT_FOR_FIRST_CONSUMER.equals(reason)) {
            return waitingForConsumer(storageClass.map(StorageClassInfo::name).orElse(Claims.storageClass(claim)));
        }
        if (reason.equals("Provisioning") || reason.equals("ExternalProvisioning")) {
            return new VolumeStatus(VolumeStatus.WAITING, message, reason);
        }
        if (reason.equals("FailedBinding") || "Warning".equals(event.getType())) {
            return new VolumeStatus(VolumeStatus.WARNING, message, reason);
        }
        return new VolumeStatus(VolumeStatus.READY, message, reason);
    }

    static VolumeStatus waitingForConsumer(String className) {
        return new VolumeStatus(
                VolumeStatus.UNAVAILABLE,
                "Waiting for first consumer: storage class " + className
                        + " provisions the volume only when a notebook (pod) that mounts it is scheduled;"
                        + " it binds when you start a notebook that uses it.",
                WAIT_FOR_FIRST_CONSUMER);
    }

    private static VolumeStatus resizing(V1PersistentVolumeClaim claim) {
        String from = Quantities.text(Claims.capacity(claim));
        String to = Quantities.text(Claims.requested(claim));
        if (Claims.condition(claim, RESIZE_PENDING).isPresent()) {
            return new VolumeStatus(
                    VolumeStatus.WAITING,
                    "Resizing from " + from + " to " + to
                            + ": the file system grows when a notebook that mounts the volume starts",
                    RESIZE_PENDING);
        }
        return new VolumeStatus(VolumeStatus.WAITING, "Resizing from " + from + " to " + to, RESIZING);
    }

    /** The newest of a claim's Events: by last time seen, then event time, then first time, then creation. */
    public static Optional<CoreV1Event> newest(List<CoreV1Event> events) {
        return events.stream()
                .max(Comparator.comparing(VolumeStatuses::seen, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static OffsetDateTime seen(CoreV1Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null) {
            return event.getEventTime();
        }
        if (event.getFirstTimestamp() != null) {
            return event.getFirstTimestamp();
        }
        return event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp();
    }
}
