package dev.notebooks.notebook.domain.spawner;

import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;
import java.util.Optional;

/**
 * JWA's {@code spawnerFormDefaults} ({@code spawner_ui_config.yaml}) as far as they rule what a request may say. A null
 * setting is a key absent from the config: the request's value is taken as it is, as JWA does.
 */
public record SpawnerConfig(
        Setting<String> image,
        Setting<String> imagePullPolicy,
        ResourceSetting cpu,
        ResourceSetting memory,
        GpuSetting gpus,
        Setting<FormVolume> workspaceVolume,
        Setting<List<FormVolume>> dataVolumes,
        OptionSetting<AffinityOption> affinityConfig,
        OptionSetting<TolerationGroup> tolerationGroup,
        Setting<Boolean> shm,
        Setting<List<String>> configurations) {

    public static final String NONE = "none";

    /** @param readOnly the form shows the value but a request may not set it (JWA: 400 when it does) */
    public record Setting<T>(T value, boolean readOnly) {}

    /** @param limitFactor the limit as a multiple of the request; {@code none} (or absent) for no derived limit */
    public record ResourceSetting(String value, boolean readOnly, String limitFactor) {

        public Optional<java.math.BigDecimal> factor() {
            if (limitFactor == null || limitFactor.isBlank() || NONE.equals(limitFactor)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new java.math.BigDecimal(limitFactor.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** @param vendors the GPU resources offered, by their limits key ({@code nvidia.com/gpu}) */
    public record GpuSetting(Gpus value, boolean readOnly, List<GpuVendor> vendors) {

        public List<GpuVendor> vendorsOrEmpty() {
            return vendors == null ? List.of() : vendors;
        }
    }

    public record GpuVendor(String limitsKey, String uiName) {}

    public record OptionSetting<O>(String value, boolean readOnly, List<O> options) {

        public List<O> optionsOrEmpty() {
            return options == null ? List.of() : options;
        }
    }

    public record AffinityOption(String configKey, String displayName, V1Affinity affinity) {}

    public record TolerationGroup(String groupKey, String displayName, List<V1Toleration> tolerations) {}

    /** Kubeflow's shipped {@code spawner_ui_config.yaml} without its images. */
    public static SpawnerConfig kubeflowDefaults() {
        return new SpawnerConfig(
                new Setting<>("ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest", false),
                new Setting<>("IfNotPresent", false),
                new ResourceSetting("0.5", false, "1.2"),
                new ResourceSetting("1.0Gi", false, "1.2"),
                new GpuSetting(
                        new Gpus(NONE, ""),
                        false,
                        List.of(
                                new GpuVendor("nvidia.com/gpu", "NVIDIA"),
                                new GpuVendor("amd.com/gpu", "AMD"),
                                new GpuVendor("habana.ai/gaudi", "Intel Gaudi"))),
                new Setting<>(
                        FormVolume.newPvc("/home/jovyan", "{notebook-name}-workspace", "5Gi", "ReadWriteOnce"), false),
                new Setting<>(List.of(), false),
                new OptionSetting<>("", false, List.of()),
                new OptionSetting<>("", false, List.of()),
                new Setting<>(true, false),
                new Setting<>(List.of(), false));
    }
}
