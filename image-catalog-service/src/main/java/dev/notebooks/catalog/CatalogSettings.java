package dev.notebooks.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/** The seed's images, what the spawner lets users pick, and where the spawner's ConfigMap is. */
@ConfigurationProperties(CatalogSettings.PREFIX)
public class CatalogSettings {

    public static final String PREFIX = "catalog";

    /**
     * Where Kubeflow publishes its example notebook images since 1.10 (before: Docker Hub's {@code kubeflownotebookswg}).
     */
    public static final String DEFAULT_REGISTRY_PREFIX = "ghcr.io/kubeflow/kubeflow/notebook-servers";

    /** The latest Kubeflow Notebooks release (kubeflow/notebooks' spawner_ui_config.yaml is at 1.11's release candidates). */
    public static final String DEFAULT_SEED_TAG = "v1.10.0";

    public static final boolean DEFAULT_ALLOW_CUSTOM_IMAGE = true;

    /** Kubeflow's spawner_ui_config.yaml defaults. */
    public static final boolean DEFAULT_HIDE_REGISTRY = true;

    public static final boolean DEFAULT_HIDE_TAG = false;

    /** The ConfigMap Kubeflow's Jupyter web app mounts its {@code spawner_ui_config.yaml} from. */
    public static final String DEFAULT_CONFIG_MAP_NAME = "jupyter-web-app-config";

    public static final String DEFAULT_CONFIG_MAP_NAMESPACE = "kubeflow";

    public static final String DEFAULT_CONFIG_MAP_KEY = "spawner_ui_config.yaml";

    /**
     * How often the ConfigMap is compared with the catalog even without a change this replica saw: the net for a catalog
     * change committed on another replica (a hand edit of the ConfigMap is seen by its informer at once).
     */
    public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofSeconds(10);

    /** What a hand edit of the spawner ConfigMap's images does ({@code kubectl edit cm jupyter-web-app-config}). */
    public enum ConfigMapEdits {
        /**
         * An image added, removed or made the default by hand becomes a catalog change, its actor the editor's field
         * manager; what the catalog's rules forbid is put back with a Warning Event saying why.
         */
        ADOPT,
        /** Every hand edit of the catalog's part is put back (audited, Warning Event). */
        REVERT
    }

    public static final ConfigMapEdits DEFAULT_CONFIG_MAP_EDITS = ConfigMapEdits.ADOPT;

    private String registryPrefix = DEFAULT_REGISTRY_PREFIX;
    private String seedTag = DEFAULT_SEED_TAG;
    private boolean allowCustomImage = DEFAULT_ALLOW_CUSTOM_IMAGE;
    private List<String> allowedRegistries = List.of();
    private boolean hideRegistry = DEFAULT_HIDE_REGISTRY;
    private boolean hideTag = DEFAULT_HIDE_TAG;
    private String configMapName = DEFAULT_CONFIG_MAP_NAME;
    private String configMapNamespace = DEFAULT_CONFIG_MAP_NAMESPACE;
    private String configMapKey = DEFAULT_CONFIG_MAP_KEY;
    private Duration resyncPeriod = DEFAULT_RESYNC_PERIOD;
    private ConfigMapEdits configMapEdits = DEFAULT_CONFIG_MAP_EDITS;

    /**
     * @return the registry and namespace of Kubeflow's example images in the seed, applied once, on the first start
     *     (such as {@code kubeflownotebookswg} for Docker Hub, or a mirror). Default
     *     {@value #DEFAULT_REGISTRY_PREFIX}.
     */
    public String getRegistryPrefix() {
        return registryPrefix;
    }

    public void setRegistryPrefix(String registryPrefix) {
        this.registryPrefix = registryPrefix.endsWith("/")
                ? registryPrefix.substring(0, registryPrefix.length() - 1)
                : registryPrefix;
    }

    /** @return the tag of Kubeflow's example images in the seed. Default {@value #DEFAULT_SEED_TAG}. */
    public String getSeedTag() {
        return seedTag;
    }

    public void setSeedTag(String seedTag) {
        this.seedTag = seedTag;
    }

    /**
     * @return whether users may type an image that is not in the catalog (Kubeflow's {@code allowCustomImage}).
     *     Default {@value #DEFAULT_ALLOW_CUSTOM_IMAGE}.
     */
    public boolean isAllowCustomImage() {
        return allowCustomImage;
    }

    public void setAllowCustomImage(boolean allowCustomImage) {
        this.allowCustomImage = allowCustomImage;
    }

    /** @return the registries custom images may come from, such as {@code ghcr.io}. Default: empty, any registry. */
    public List<String> getAllowedRegistries() {
        return allowedRegistries;
    }

    public void setAllowedRegistries(List<String> allowedRegistries) {
        this.allowedRegistries = allowedRegistries == null ? List.of() : List.copyOf(allowedRegistries);
    }

    /** @return whether the spawner hides images' registries. Default {@value #DEFAULT_HIDE_REGISTRY}. */
    public boolean isHideRegistry() {
        return hideRegistry;
    }

    public void setHideRegistry(boolean hideRegistry) {
        this.hideRegistry = hideRegistry;
    }

    /** @return whether the spawner hides images' tags. Default {@value #DEFAULT_HIDE_TAG}. */
    public boolean isHideTag() {
        return hideTag;
    }

    public void setHideTag(boolean hideTag) {
        this.hideTag = hideTag;
    }

    /** @return the spawner ConfigMap's name. Default {@value #DEFAULT_CONFIG_MAP_NAME}. */
    public String getConfigMapName() {
        return configMapName;
    }

    public void setConfigMapName(String configMapName) {
        this.configMapName = configMapName;
    }

    /** @return the spawner ConfigMap's namespace. Default {@value #DEFAULT_CONFIG_MAP_NAMESPACE}. */
    public String getConfigMapNamespace() {
        return configMapNamespace;
    }

    public void setConfigMapNamespace(String configMapNamespace) {
        this.configMapNamespace = configMapNamespace;
    }

    /** @return the ConfigMap key holding the spawner's YAML. Default {@value #DEFAULT_CONFIG_MAP_KEY}. */
    public String getConfigMapKey() {
        return configMapKey;
    }

    public void setConfigMapKey(String configMapKey) {
        this.configMapKey = configMapKey;
    }

    /** @return how often the ConfigMap is checked against the catalog without a change seen here. Default 10 seconds. */
    public Duration getResyncPeriod() {
        return resyncPeriod;
    }

    public void setResyncPeriod(Duration resyncPeriod) {
        this.resyncPeriod = resyncPeriod;
    }

    /** @return whether a custom image from this registry may be used: any when no registries are configured */
    public boolean allowsRegistry(String registry) {
        return allowedRegistries.isEmpty() || allowedRegistries.contains(registry);
    }

    /**
     * @return whether hand edits of the ConfigMap's images are adopted as catalog changes or put back
     *     ({@code catalog.configmap-edits: adopt|revert}). Default {@code adopt}.
     */
    public ConfigMapEdits getConfigmapEdits() {
        return configMapEdits;
    }

    public void setConfigmapEdits(ConfigMapEdits configMapEdits) {
        this.configMapEdits = configMapEdits == null ? DEFAULT_CONFIG_MAP_EDITS : configMapEdits;
    }
}
