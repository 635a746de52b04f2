package dev.notebooks.notebook.domain.quota;

import dev.notebooks.notebook.domain.Quantities;
import dev.notebooks.notebook.domain.Violation;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request checked against the namespace's ResourceQuotas before anything is written, so the user hears
 * {@code requests.cpu 4 > 2.5 left in kf-resource-quota} instead of getting a notebook that never starts.
 */
public final class QuotaCheck {

    /** Quota names that mean the same resource ({@code cpu} is {@code requests.cpu}). */
    private static final Map<String, String> ALIASES = Map.of(
            "cpu", "requests.cpu",
            "memory", "requests.memory",
            "count/pods", "pods",
            "count/persistentvolumeclaims", "persistentvolumeclaims");

    private QuotaCheck() {}

    /**
     * A ResourceQuota as its status has it.
     *
     * @param used null when the quota controller has not counted yet: counted as nothing used
     */
    public record Quota(String name, Map<String, Quantity> hard, Map<String, Quantity> used) {}

    /**
     * @param volumesField the request field the new PVCs come from ({@code workspace} or {@code datavols})
     * @return a violation per quota resource the demand would exceed, named by the request's field
     */
    public static List<Violation> check(List<Quota> quotas, ResourceDemand demand, String volumesField) {
        List<Violation> violations = new ArrayList<>();
        for (Quota quota : quotas) {
            Map<String, Quantity> hard = quota.hard() == null ? Map.of() : quota.hard();
            Map<String, Quantity> used = quota.used() == null ? Map.of() : quota.used();
            for (Map.Entry<String, Quantity> limit : hard.entrySet()) {
                String key = limit.getKey();
                String resource = ALIASES.getOrDefault(key, key);
                String field = field(resource, volumesField);
                if (demand.unspecified().contains(resource)) {
                    violations.add(new Violation(field, resource + " must be set: " + quota.name() + " limits it"));
                    continue;
                }
                BigDecimal wanted = demand.amount(resource);
                if (wanted.signum() <= 0) {
                    continue;
                }
                BigDecimal left = Quantities.parse(limit.getValue())
                        .orElse(BigDecimal.ZERO)
                        .subtract(Quantities.parse(used.get(key)).orElse(BigDecimal.ZERO))
                        .max(BigDecimal.ZERO);
                if (wanted.compareTo(left) > 0) {
                    boolean bytes = resource.contains("memory") || resource.contains("storage");
                    violations.add(new Violation(
                            field,
                            key + " " + Quantities.human(wanted, bytes) + " > " + Quantities.human(left, bytes)
                                    + " left in " + quota.name()));
                }
            }
        }
        return violations;
    }

    private static String field(String resource, String volumesField) {
        return switch (resource) {
            case "requests.cpu" -> "cpu";
            case "limits.cpu" -> "cpuLimit";
            case "requests.memory" -> "memory";
            case "limits.memory" -> "memoryLimit";
            case "pods" -> "notebook";
            default ->
                resource.contains("storage") || resource.contains("persistentvolumeclaims")
                        ? volumesField
                        : resource.startsWith("requests.") || resource.startsWith("limits.") ? "gpus" : "notebook";
        };
    }
}
