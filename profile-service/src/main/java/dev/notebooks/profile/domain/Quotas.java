package dev.notebooks.profile.domain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1ResourceQuotaStatus;
import java.util.Map;
import java.util.TreeMap;

/** A ResourceQuotaSpec's {@code hard} limits as plain strings, the way users write them and events carry them. */
public final class Quotas {

    /** The ResourceQuota in a profile's namespace, named as Kubeflow's profile controller names it. */
    public static final String RESOURCE_QUOTA_NAME = "kf-resource-quota";

    private Quotas() {}

    /**
     * What a limited resource of a quota is at: its hard limit and what is in use.
     *
     * @param used as the quota controller counted it in {@code status.used}; null until it has counted
     */
    public record Use(String hard, String used) {}

    /**
     * Per resource the quota limits, sorted by name: the limit the quota controller enforces ({@code status.hard},
     * the spec's until the controller has seen it) and its {@code status.used}.
     */
    public static Map<String, Use> use(V1ResourceQuota quota) {
        V1ResourceQuotaStatus status = quota.getStatus();
        Map<String, Quantity> hard = status != null && status.getHard() != null
                ? status.getHard()
                : quota.getSpec() == null || quota.getSpec().getHard() == null
                        ? Map.of()
                        : quota.getSpec().getHard();
        Map<String, Quantity> used = status == null || status.getUsed() == null ? Map.of() : status.getUsed();
        Map<String, Use> use = new TreeMap<>();
        hard.forEach((resource, limit) -> {
            Quantity inUse = used.get(resource);
            use.put(resource, new Use(text(limit), inUse == null ? null : text(inUse)));
        });
        return use;
    }

    /** @return resource name to quantity ({@code cpu: "6"}), sorted by name; empty for no quota */
    public static Map<String, String> hard(V1ResourceQuotaSpec spec) {
        Map<String, String> hard = new TreeMap<>();
        if (spec != null && spec.getHard() != null) {
            spec.getHard().forEach((resource, quantity) -> hard.put(resource, text(quantity)));
        }
        return hard;
    }

    /** As client-java writes a quantity ({@code 16Gi}, {@code 500m}; {@code 1610612736} for {@code 1.5Gi}), and {@code 1k} rather than {@code 1e3}. */
    private static String text(Quantity quantity) {
        Quantity.Format format = quantity.getFormat() == Quantity.Format.DECIMAL_EXPONENT
                ? Quantity.Format.DECIMAL_SI
                : quantity.getFormat();
        return new Quantity(quantity.getNumber(), format).toSuffixedString();
    }

    public static V1ResourceQuotaSpec spec(Map<String, String> hard) {
        Map<String, Quantity> quantities = new TreeMap<>();
        hard.forEach((resource, quantity) -> quantities.put(resource, Quantity.fromString(quantity)));
        return new V1ResourceQuotaSpec().hard(quantities);
    }
}
