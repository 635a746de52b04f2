package dev.notebooks.platform.kube.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/** The recommended {@code app.kubernetes.io} labels on what a service makes, merged without touching anyone else's. */
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

    /** @return {@code existing} with {@code ours} written over it; labels we do not set stay as they are */
    public static Map<String, String> merge(Map<String, String> existing, Map<String, String> ours) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (existing != null) {
            merged.putAll(existing);
        }
        merged.putAll(ours);
        return merged;
    }

    /** @return whether every one of {@code ours} is present with its value; other labels do not matter */
    public static boolean contains(Map<String, String> existing, Map<String, String> ours) {
        return existing != null && existing.entrySet().containsAll(ours.entrySet());
    }
}
