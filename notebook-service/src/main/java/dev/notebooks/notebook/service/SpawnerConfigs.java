package dev.notebooks.notebook.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.notebooks.notebook.SpawnerSettings;
import dev.notebooks.notebook.domain.images.CatalogImages;
import dev.notebooks.notebook.domain.spawner.FormVolume;
import dev.notebooks.notebook.domain.spawner.Gpus;
import dev.notebooks.notebook.domain.spawner.SpawnerConfig;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * JWA's {@code spawnerFormDefaults}, read from the spawner ConfigMap on every call: an admin's change applies to the
 * next request, with no restart and no cache to wait out. Without the ConfigMap, Kubeflow's shipped defaults apply.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class SpawnerConfigs {

    private final ResourceClient client;
    private final SpawnerSettings settings;

    SpawnerConfigs(ResourceClient client, SpawnerSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** What one read of the spawner ConfigMap says: the form's defaults and the catalog's images. */
    public record Spawner(Map<String, Object> raw, SpawnerConfig config, CatalogImages images) {}

    /** The {@code spawnerFormDefaults} as the admin wrote them, for {@code GET /api/config}. */
    public Map<String, Object> raw() {
        return snapshot().raw();
    }

    public SpawnerConfig config() {
        return snapshot().config();
    }

    /** One read of the ConfigMap for everything a request needs from it. */
    public Spawner snapshot() {
        Optional<V1ConfigMap> map = configMap();
        Optional<Map<String, Object>> defaults = map.flatMap(this::formDefaults);
        Map<String, Object> raw = defaults.orElseGet(SpawnerConfigs::rawDefaults);
        SpawnerConfig config = defaults.map(SpawnerConfigs::parse).orElseGet(SpawnerConfig::kubeflowDefaults);
        String facts = map.map(V1ConfigMap::getData)
                .map(data -> data.get(SpawnerSettings.IMAGE_CATALOG_KEY))
                .orElse(null);
        return new Spawner(raw, config, CatalogFacts.images(defaults.orElse(Map.of()), facts));
    }

    private Optional<V1ConfigMap> configMap() {
        try {
            return client.get(ResourceTypes.CONFIG_MAP, settings.getNamespace(), settings.getConfigMap());
        } catch (ApiException e) {
            throw ApiProblems.kubernetesUnavailable("Reading the spawner ConfigMap failed: HTTP " + e.getCode());
        }
    }

    private Optional<Map<String, Object>> formDefaults(V1ConfigMap map) {
        if (map.getData() == null || map.getData().get(SpawnerSettings.KEY) == null) {
            return Optional.empty();
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(map.getData().get(SpawnerSettings.KEY));
        } catch (RuntimeException e) {
            throw ApiProblems.kubernetesUnavailable("The spawner ConfigMap " + settings.getNamespace() + "/"
                    + settings.getConfigMap() + " is not YAML: " + e.getMessage());
        }
        if (loaded instanceof Map<?, ?> top && top.get("spawnerFormDefaults") instanceof Map<?, ?> defaults) {
            Map<String, Object> result = new LinkedHashMap<>();
            defaults.forEach((key, value) -> result.put(String.valueOf(key), value));
            return Optional.of(result);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawDefaults() {
        return KubeJson.gson().fromJson(KubeJson.gson().toJson(SpawnerConfig.kubeflowDefaults()), Map.class);
    }

    /** The admin's YAML as the domain's configuration; a key of unexpected shape counts as absent. */
    static SpawnerConfig parse(Map<String, Object> raw) {
        JsonObject tree = KubeJson.element(raw).getAsJsonObject();
        return new SpawnerConfig(
                setting(tree, "image", JsonElement::getAsString),
                setting(tree, "imagePullPolicy", JsonElement::getAsString),
                resource(tree, "cpu"),
                resource(tree, "memory"),
                gpus(tree),
                setting(tree, "workspaceVolume", SpawnerConfigs::volume),
                setting(tree, "dataVolumes", value -> {
                    List<FormVolume> volumes = new ArrayList<>();
                    value.getAsJsonArray().forEach(item -> volumes.add(volume(item)));
                    return volumes;
                }),
                options(
                        tree,
                        "affinityConfig",
                        option -> new SpawnerConfig.AffinityOption(
                                string(option, "configKey"),
                                string(option, "displayName"),
                                KubeJson.fromTreeStrictly(option.get("affinity"), V1Affinity.class))),
                options(tree, "tolerationGroup", option -> {
                    List<V1Toleration> tolerations = new ArrayList<>();
                    if (option.get("tolerations") instanceof JsonArray array) {
                        array.forEach(t -> tolerations.add(KubeJson.fromTreeStrictly(t, V1Toleration.class)));
                    }
                    return new SpawnerConfig.TolerationGroup(
                            string(option, "groupKey"), string(option, "displayName"), tolerations);
                }),
                setting(tree, "shm", JsonElement::getAsBoolean),
                setting(tree, "configurations", value -> {
                    List<String> labels = new ArrayList<>();
                    value.getAsJsonArray().forEach(item -> labels.add(item.getAsString()));
                    return labels;
                }));
    }

    private static FormVolume volume(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            return null;
        }
        JsonObject object = element.getAsJsonObject();
        return new FormVolume(
                string(object, "mount"),
                object.get("newPvc") instanceof JsonObject pvc
                        ? KubeJson.fromTreeStrictly(pvc, V1PersistentVolumeClaim.class)
                        : null,
                object.get("existingSource") instanceof JsonObject source
                        ? KubeJson.fromTreeStrictly(source, V1Volume.class)
                        : null);
    }

    private static <T> SpawnerConfig.Setting<T> setting(JsonObject tree, String key, Function<JsonElement, T> value) {
        if (!(tree.get(key) instanceof JsonObject setting)) {
            return null;
        }
        try {
            JsonElement element = setting.get("value");
            T parsed = element == null || element.isJsonNull() ? null : value.apply(element);
            return new SpawnerConfig.Setting<>(parsed, readOnly(setting));
        } catch (RuntimeException unexpectedShape) {
            return null;
        }
    }

    private static SpawnerConfig.ResourceSetting resource(JsonObject tree, String key) {
        if (!(tree.get(key) instanceof JsonObject setting)) {
            return null;
        }
        return new SpawnerConfig.ResourceSetting(
                string(setting, "value"), readOnly(setting), string(setting, "limitFactor"));
    }

    private static SpawnerConfig.GpuSetting gpus(JsonObject tree) {
        if (!(tree.get("gpus") instanceof JsonObject setting) || !(setting.get("value") instanceof JsonObject value)) {
            return null;
        }
        List<SpawnerConfig.GpuVendor> vendors = new ArrayList<>();
        if (value.get("vendors") instanceof JsonArray array) {
            array.forEach(vendor -> {
                if (vendor instanceof JsonObject object) {
                    vendors.add(new SpawnerConfig.GpuVendor(string(object, "limitsKey"), string(object, "uiName")));
                }
            });
        }
        return new SpawnerConfig.GpuSetting(
                new Gpus(string(value, "num"), string(value, "vendor")), readOnly(setting), vendors);
    }

    private static <O> SpawnerConfig.OptionSetting<O> options(
            JsonObject tree, String key, Function<JsonObject, O> option) {
        if (!(tree.get(key) instanceof JsonObject setting)) {
            return null;
        }
        List<O> options = new ArrayList<>();
        if (setting.get("options") instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonObject object) {
                    try {
                        options.add(option.apply(object));
                    } catch (RuntimeException unexpectedShape) {
                        // an option of unexpected shape is not offered
                    }
                }
            });
        }
        return new SpawnerConfig.OptionSetting<>(string(setting, "value"), readOnly(setting), options);
    }

    private static boolean readOnly(JsonObject setting) {
        JsonElement readOnly = setting.get("readOnly");
        return readOnly != null && readOnly.isJsonPrimitive() && readOnly.getAsBoolean();
    }

    private static String string(JsonObject object, String key) {
        JsonElement element = object.get(key);
        return element == null || element.isJsonNull() || !element.isJsonPrimitive() ? null : element.getAsString();
    }
}
