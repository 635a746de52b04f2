package dev.notebooks.platform.testing.kubernetes;

/** A stored kind, whatever version names it: {@code apps/statefulsets}, {@code kubeflow.org/notebooks}. */
record GroupResource(String group, String plural) {

    @Override
    public String toString() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
