package dev.notebooks.catalog.controller;

import dev.notebooks.catalog.domain.SpawnerFormDefaults;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Kubeflow's {@code spawner_ui_config.yaml}: reads the catalog's keys out of it and writes them into it, leaving
 * every other key as the administrator set it. (Comments do not survive a write; the file is written only when the
 * catalog's part changes.)
 */
final class SpawnerYaml {

    static final String SPAWNER_FORM_DEFAULTS = "spawnerFormDefaults";
    private static final List<String> GROUPS = List.of(
            SpawnerFormDefaults.IMAGE, SpawnerFormDefaults.IMAGE_GROUP_ONE, SpawnerFormDefaults.IMAGE_GROUP_TWO);
    private static final List<String> SWITCHES = List.of(
            SpawnerFormDefaults.ALLOW_CUSTOM_IMAGE, SpawnerFormDefaults.HIDE_REGISTRY, SpawnerFormDefaults.HIDE_TAG);

    private final Map<String, Object> document;

    private SpawnerYaml(Map<String, Object> document) {
        this.document = document;
    }

    /** @return the document; an empty one for null or blank text, none for text that is not a YAML mapping */
    static Optional<SpawnerYaml> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new SpawnerYaml(new LinkedHashMap<>()));
        }
        try {
            Object loaded = yaml().load(text);
            return loaded instanceof Map<?, ?> map ? Optional.of(new SpawnerYaml(mutable(map))) : Optional.empty();
        } catch (YAMLException e) {
            return Optional.empty();
        }
    }

    static SpawnerYaml empty() {
        return new SpawnerYaml(new LinkedHashMap<>());
    }

    /**
     * @return the catalog's keys as the document has them, in {@link SpawnerFormDefaults#asMap()}'s shape and order
     *     (an image group is only its {@code value} and {@code options}), so that equal means "nothing to write"
     */
    Map<String, Object> catalogPart() {
        Map<String, Object> defaults = formDefaults();
        Map<String, Object> part = new LinkedHashMap<>();
        SWITCHES.forEach(key -> part.put(key, defaults.get(key)));
        for (String group : GROUPS) {
            Map<String, Object> found = defaults.get(group) instanceof Map<?, ?> map ? mutable(map) : Map.of();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("value", found.get("value"));
            values.put("options", found.get("options"));
            part.put(group, values);
        }
        return part;
    }

    /** Writes the catalog's keys, in place where they are, keeping the groups' other keys (such as readOnly). */
    SpawnerYaml withCatalog(SpawnerFormDefaults catalog) {
        Map<String, Object> defaults = formDefaults();
        catalog.asMap().forEach((key, value) -> {
            if (value instanceof Map<?, ?> group && defaults.get(key) instanceof Map<?, ?> existing) {
                Map<String, Object> merged = mutable(existing);
                group.forEach((groupKey, groupValue) -> merged.put((String) groupKey, groupValue));
                defaults.put(key, merged);
            } else {
                defaults.put(key, value);
            }
        });
        document.put(SPAWNER_FORM_DEFAULTS, defaults);
        return this;
    }

    String text() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setPrettyFlow(true);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(document);
    }

    /** @return a fingerprint of the catalog's part, to tell a hand edit from an older catalog */
    static String fingerprint(Map<String, Object> catalogPart) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(catalogPart).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Map<String, Object> formDefaults() {
        Object defaults = document.get(SPAWNER_FORM_DEFAULTS);
        Map<String, Object> map = defaults instanceof Map<?, ?> found ? mutable(found) : new LinkedHashMap<>();
        document.put(SPAWNER_FORM_DEFAULTS, map);
        return map;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Map<?, ?> map) {
        return new LinkedHashMap<>((Map<String, Object>) map);
    }
}
