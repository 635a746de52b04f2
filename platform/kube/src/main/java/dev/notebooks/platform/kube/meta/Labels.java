package dev.notebooks.platform.kube.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/** The recommended {@code app.kubernetes.io} labels on what a service makes. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";

    private Labels() {}

    /** @return {@code managed-by = service} and {@code part-of = partOf} */
    public static Map<String, String> managedBy(String service, String partOf) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, service);
        labels.put(PART_OF, partOf);
        return labels;
    }
}
