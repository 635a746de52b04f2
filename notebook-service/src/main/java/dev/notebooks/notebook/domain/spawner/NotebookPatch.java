package dev.notebooks.notebook.domain.spawner;

import java.util.List;
import java.util.Set;

/**
 * An edit of an existing notebook, in the create form's field names; null leaves a field as it is. A running notebook
 * restarts with the change, a stopped one starts with it.
 */
public record NotebookPatch(
        String image,
        String customImage,
        String imagePullPolicy,
        String cpu,
        String cpuLimit,
        String memory,
        String memoryLimit,
        Gpus gpus,
        List<FormVolume> datavols,
        List<String> configurations,
        String affinityConfig,
        String tolerationGroup) {

    /** The fields an edit may carry; any other create field ({@code name}, {@code workspace}, ...) cannot change. */
    public static final Set<String> FIELDS = Set.of(
            "image",
            "customImage",
            "imagePullPolicy",
            "cpu",
            "cpuLimit",
            "memory",
            "memoryLimit",
            "gpus",
            "datavols",
            "configurations",
            "affinityConfig",
            "tolerationGroup");

    public static NotebookPatch empty() {
        return new NotebookPatch(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
