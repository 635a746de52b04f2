package dev.notebooks.platform.events.notebook;

/**
 * The GPUs a notebook asks for.
 *
 * @param count how many; 0 for none
 * @param vendor the extended resource that provides them, such as {@code nvidia.com/gpu}; null when count is 0
 */
public record Gpu(int count, String vendor) {

    public static Gpu none() {
        return new Gpu(0, null);
    }
}
