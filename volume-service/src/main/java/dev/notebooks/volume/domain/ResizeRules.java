package dev.notebooks.volume.domain;

import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a claim may grow to a size: Kubernetes expands only bound claims of a class with
 * {@code allowVolumeExpansion}, and never shrinks one.
 */
public final class ResizeRules {

    public static final String FIELD = "size";

    private ResizeRules() {}

    /**
     * @param storageClass the claim's class, empty when it has none or the class is gone
     * @return why not, naming the field; empty when the resize may go ahead
     */
    public static Optional<Violation> check(
            V1PersistentVolumeClaim claim, Optional<StorageClassInfo> storageClass, BigDecimal newBytes) {
        BigDecimal current = Claims.requestedBytes(claim);
        String currentText = Quantities.text(Claims.requested(claim));
        if (Claims.terminating(claim)) {
            return Optional.of(new Violation(FIELD, "the volume is being deleted"));
        }
        int comparison = newBytes.compareTo(current);
        if (comparison < 0) {
            return Optional.of(new Violation(
                    FIELD, "a volume cannot shrink: it is " + currentText + " and Kubernetes only grows claims"));
        }
        if (comparison == 0) {
            return Optional.of(new Violation(FIELD, "the volume is already " + currentText));
        }
        if (storageClass.isEmpty()) {
            String name = Claims.storageClass(claim);
            return Optional.of(new Violation(
                    FIELD,
                    name == null || name.isEmpty()
                            ? "the volume has no storage class, so it cannot be expanded"
                            : "storage class " + name + " no longer exists, so the volume cannot be expanded"));
        }
        if (!storageClass.get().allowVolumeExpansion()) {
            return Optional.of(new Violation(
                    FIELD,
                    "storage class " + storageClass.get().name()
                            + " does not allow volume expansion (allowVolumeExpansion is not true)"));
        }
        if (!Claims.bound(claim)) {
            return Optional.of(new Violation(
                    FIELD, "the volume is not bound yet (" + Claims.phase(claim) + "); it can grow once it is"));
        }
        return Optional.empty();
    }
}
