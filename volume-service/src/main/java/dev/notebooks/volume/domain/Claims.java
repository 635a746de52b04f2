package dev.notebooks.volume.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimCondition;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a PersistentVolumeClaim says, read null-safely. */
public final class Claims {

    public static final String STORAGE = "storage";
    public static final String BOUND = "Bound";

    private Claims() {}

    public static String name(V1PersistentVolumeClaim claim) {
        return claim.getMetadata().getName();
    }

    public static String namespace(V1PersistentVolumeClaim claim) {
        return claim.getMetadata().getNamespace();
    }

    /** @return {@code spec.resources.requests.storage}, or null */
    public static Quantity requested(V1PersistentVolumeClaim claim) {
        V1PersistentVolumeClaimSpec spec = claim.getSpec();
        if (spec == null || spec.getResources() == null) {
            return null;
        }
        Map<String, Quantity> requests = spec.getResources().getRequests();
        return requests == null ? null : requests.get(STORAGE);
    }

    public static BigDecimal requestedBytes(V1PersistentVolumeClaim claim) {
        return Quantities.bytes(requested(claim));
    }

    /** @return {@code status.capacity.storage}, or null before the claim is bound */
    public static Quantity capacity(V1PersistentVolumeClaim claim) {
        V1PersistentVolumeClaimStatus status = claim.getStatus();
        return status == null || status.getCapacity() == null
                ? null
                : status.getCapacity().get(STORAGE);
    }

    /** @return the storage class named, "" for none, null when unset (the cluster default applies on admission) */
    public static String storageClass(V1PersistentVolumeClaim claim) {
        return claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    }

    public static List<String> accessModes(V1PersistentVolumeClaim claim) {
        return claim.getSpec() == null || claim.getSpec().getAccessModes() == null
                ? List.of()
                : claim.getSpec().getAccessModes();
    }

    public static String phase(V1PersistentVolumeClaim claim) {
        return claim.getStatus() == null || claim.getStatus().getPhase() == null
                ? "Pending"
                : claim.getStatus().getPhase();
    }

    public static boolean bound(V1PersistentVolumeClaim claim) {
        return BOUND.equals(phase(claim));
    }

    public static boolean terminating(V1PersistentVolumeClaim claim) {
        return claim.getMetadata().getDeletionTimestamp() != null;
    }

    /** @return the claim's condition of this type ({@code Resizing}, {@code FileSystemResizePending}), if any */
    public static Optional<V1PersistentVolumeClaimCondition> condition(V1PersistentVolumeClaim claim, String type) {
        if (claim.getStatus() == null || claim.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return claim.getStatus().getConditions().stream()
                .filter(condition -> type.equals(condition.getType()) && "True".equals(condition.getStatus()))
                .findFirst();
    }

    /** @return whether the claim asks for more than it has: a resize not finished yet */
    public static boolean resizePending(V1PersistentVolumeClaim claim) {
        Quantity capacity = capacity(claim);
        return bound(claim) && capacity != null && requestedBytes(claim).compareTo(Quantities.bytes(capacity)) > 0;
    }

    /** @return the annotation's value, or null */
    public static String annotation(V1PersistentVolumeClaim claim, String key) {
        Map<String, String> annotations = claim.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
