package dev.notebooks.volume.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a new claim (or a bigger one) fits the namespace's ResourceQuotas, checked before anything is written, as
 * Kubernetes' quota admission would: {@code requests.storage} and {@code persistentvolumeclaims} for every claim,
 * {@code <class>.storageclass.storage.k8s.io/requests.storage} and {@code .../persistentvolumeclaims} for claims of
 * that class. Usage is summed from the namespace's claims as they are now (terminating ones still count, as in
 * Kubernetes), not from {@code status.used}, which the quota controller updates later.
 */
public final class QuotaCheck {

    public static final String REQUESTS_STORAGE = "requests.storage";
    public static final String CLAIMS = "persistentvolumeclaims";
    static final String CLASS_SUFFIX = ".storageclass.storage.k8s.io/";

    private QuotaCheck() {}

    /**
     * @param storageClass the class the claim will have ("" for none, null if no default class exists)
     * @param addedBytes storage the change adds (a new claim's size, or a resize's growth)
     * @param addedClaims 1 for a new claim, 0 for a resize
     * @param sizeField the body field a storage violation names ({@code size})
     * @param countField the body field a claim-count violation names
     * @return what does not fit, naming the quota and what is left; empty when everything fits
     */
    public static List<Violation> check(
            List<V1ResourceQuota> quotas,
            List<V1PersistentVolumeClaim> claims,
            String storageClass,
            BigDecimal addedBytes,
            int addedClaims,
            String sizeField,
            String countField) {
        BigDecimal usedBytes = BigDecimal.ZERO;
        BigDecimal usedBytesOfClass = BigDecimal.ZERO;
        int usedClaims = claims.size();
        int usedClaimsOfClass = 0;
        for (V1PersistentVolumeClaim claim : claims) {
            usedBytes = usedBytes.add(Claims.requestedBytes(claim));
            if (storageClass != null && storageClass.equals(Claims.storageClass(claim))) {
                usedBytesOfClass = usedBytesOfClass.add(Claims.requestedBytes(claim));
                usedClaimsOfClass++;
            }
        }
        List<Violation> violations = new ArrayList<>();
        List<V1ResourceQuota> sorted = quotas.stream()
                .sorted(Comparator.comparing(q -> q.getMetadata().getName()))
                .toList();
        for (V1ResourceQuota quota : sorted) {
            Map<String, Quantity> hard =
                    quota.getSpec() == null ? null : quota.getSpec().getHard();
            if (hard == null) {
                continue;
            }
            String quotaName = quota.getMetadata().getName();
            bytes(hard, REQUESTS_STORAGE, usedBytes, addedBytes, quotaName, sizeField, violations);
            count(hard, CLAIMS, usedClaims, addedClaims, quotaName, countField, violations);
            if (storageClass != null && !storageClass.isEmpty()) {
                String prefix = storageClass + CLASS_SUFFIX;
                bytes(hard, prefix + REQUESTS_STORAGE, usedBytesOfClass, addedBytes, quotaName, sizeField, violations);
                count(hard, prefix + CLAIMS, usedClaimsOfClass, addedClaims, quotaName, "class", violations);
            }
        }
        return violations;
    }

    private static void bytes(
            Map<String, Quantity> hard,
            String resource,
            BigDecimal used,
            BigDecimal added,
            String quota,
            String field,
            List<Violation> violations) {
        Quantity limit = hard.get(resource);
        if (limit == null || added.signum() <= 0) {
            return;
        }
        BigDecimal left = limit.getNumber().subtract(used).max(BigDecimal.ZERO);
        if (added.compareTo(left) > 0) {
            violations.add(new Violation(
                    field,
                    "%s %s > %s left of %s in ResourceQuota %s"
                            .formatted(
                                    resource,
                                    Quantities.human(added),
                                    Quantities.human(left),
                                    Quantities.human(limit.getNumber()),
                                    quota)));
        }
    }

    private static void count(
            Map<String, Quantity> hard,
            String resource,
            int used,
            int added,
            String quota,
            String field,
            List<Violation> violations) {
        Quantity limit = hard.get(resource);
        if (limit == null || added <= 0) {
            return;
        }
        long max = limit.getNumber().longValue();
        if (used + added > max) {
            violations.add(new Violation(
                    field, "%s: %d of %d claims are in use in ResourceQuota %s".formatted(resource, used, max, quota)));
        }
    }

    /** Every quota resource this check reads, for documentation and tests. */
    public static boolean concernsStorage(String resource) {
        return Objects.equals(resource, REQUESTS_STORAGE)
                || Objects.equals(resource, CLAIMS)
                || resource.contains(CLASS_SUFFIX);
    }
}
