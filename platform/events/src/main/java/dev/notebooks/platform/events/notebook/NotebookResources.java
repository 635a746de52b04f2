package dev.notebooks.platform.events.notebook;

/**
 * What a notebook's server container requests, as Kubernetes quantities; what billing multiplies by running time.
 *
 * @param cpu cpu request, such as {@code "500m"} or {@code "2"}
 * @param memory memory request, such as {@code "1Gi"}
 * @param cpuLimit cpu limit, or null when there is none
 * @param memoryLimit memory limit, or null when there is none
 * @param gpu the GPUs; {@link Gpu#none()} for none
 */
public record NotebookResources(String cpu, String memory, String cpuLimit, String memoryLimit, Gpu gpu) {}
