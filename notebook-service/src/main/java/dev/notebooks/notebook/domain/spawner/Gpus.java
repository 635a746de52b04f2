package dev.notebooks.notebook.domain.spawner;

/**
 * JWA's GPU request.
 *
 * @param num how many, or {@code none}
 * @param vendor the limits key of the vendor, such as {@code nvidia.com/gpu}
 */
public record Gpus(String num, String vendor) {}
