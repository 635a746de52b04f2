package dev.notebooks.notebook;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code notebooks.spawner.*}: where JWA's spawner ConfigMap is, read live on every request that needs it. */
@ConfigurationProperties(SpawnerSettings.PREFIX)
public class SpawnerSettings {

    public static final String PREFIX = "notebooks.spawner";
    public static final String DEFAULT_NAMESPACE = "kubeflow";
    public static final String DEFAULT_CONFIG_MAP = "jupyter-web-app-config";
    public static final String KEY = "spawner_ui_config.yaml";

    /**
     * The key beside {@link #KEY} where image-catalog-service publishes every catalog image (deprecated ones too) with
     * its check, and the registries custom images may come from.
     */
    public static final String IMAGE_CATALOG_KEY = "image_catalog.json";

    private String namespace = DEFAULT_NAMESPACE;
    private String configMap = DEFAULT_CONFIG_MAP;

    /** @return the namespace of the spawner ConfigMap. Default {@value #DEFAULT_NAMESPACE}. */
    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /**
     * @return the ConfigMap whose {@value #KEY} holds JWA's {@code spawnerFormDefaults}; absent, Kubeflow's shipped
     *     defaults apply. Default {@value #DEFAULT_CONFIG_MAP}.
     */
    public String getConfigMap() {
        return configMap;
    }

    public void setConfigMap(String configMap) {
        this.configMap = configMap;
    }
}
