package dev.notebooks.notebook.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.notebook.domain.images.CatalogImage;
import dev.notebooks.notebook.domain.images.CatalogImages;
import dev.notebooks.platform.events.ServerType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as image-catalog-service publishes it in the spawner ConfigMap: its {@code image_catalog.json} (every
 * image, deprecated ones too, with its check; the allowed registries) and the spawner YAML's image groups and
 * {@code allowCustomImage}. Without {@code image_catalog.json} (an older catalog, or none: the ConfigMap written by
 * hand), the groups' options are the catalog, unchecked and none deprecated.
 */
final class CatalogFacts {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFacts.class);
    private static final Map<String, ServerType> GROUPS = Map.of(
            "image", ServerType.JUPYTER, "imageGroupOne", ServerType.VSCODE, "imageGroupTwo", ServerType.RSTUDIO);

    private CatalogFacts() {}

    /**
     * @param formDefaults the spawner YAML's {@code spawnerFormDefaults}; empty when there is none
     * @param facts the text of {@code image_catalog.json}; null when absent
     */
    static CatalogImages images(Map<String, Object> formDefaults, String facts) {
        boolean allowCustomImage = !(formDefaults.get("allowCustomImage") instanceof Boolean allowed) || allowed;
        Map<ServerType, String> defaults = new EnumMap<>(ServerType.class);
        Map<String, CatalogImage> offered = new LinkedHashMap<>();
        GROUPS.forEach((key, serverType) -> {
            if (formDefaults.get(key) instanceof Map<?, ?> group) {
                if (group.get("value") instanceof String value) {
                    defaults.put(serverType, value);
                }
                if (group.get("options") instanceof List<?> options) {
                    options.stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .forEach(image -> offered.put(
                                    image,
                                    new CatalogImage(
                                            image, serverType, false, CatalogImage.UNCHECKED, List.of(), false)));
                }
            }
        });
        Optional<JsonObject> published = parse(facts);
        if (published.isEmpty()) {
            return CatalogImages.of(allowCustomImage, List.of(), List.copyOf(offered.values()), defaults);
        }
        JsonObject document = published.get();
        List<CatalogImage> images = new ArrayList<>();
        if (document.get("images") instanceof JsonArray array) {
            for (JsonElement element : array) {
                image(element).ifPresent(images::add);
            }
        }
        List<String> registries = new ArrayList<>();
        if (document.get("allowedRegistries") instanceof JsonArray array) {
            array.forEach(registry -> {
                if (registry.isJsonPrimitive()) {
                    registries.add(registry.getAsString());
                }
            });
        }
        return CatalogImages.of(allowCustomImage, registries, images, defaults);
    }

    private static Optional<JsonObject> parse(String facts) {
        if (facts == null || facts.isBlank()) {
            return Optional.empty();
        }
        try {
            return JsonParser.parseString(facts) instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("The spawner ConfigMap's image catalog is not JSON; the spawner's image groups stand in for it");
            return Optional.empty();
        }
    }

    // an entry of unexpected shape is left out: the image is then custom, never a 500
    private static Optional<CatalogImage> image(JsonElement element) {
        if (!(element instanceof JsonObject object)) {
            return Optional.empty();
        }
        String image = text(object, "image");
        String type = text(object, "serverType");
        Optional<ServerType> serverType = java.util.Arrays.stream(ServerType.values())
                .filter(candidate -> candidate.value().equals(type))
                .findFirst();
        if (image == null || serverType.isEmpty()) {
            return Optional.empty();
        }
        List<String> failed = new ArrayList<>();
        if (object.get("failed") instanceof JsonArray array) {
            array.forEach(requirement -> {
                if (requirement.isJsonPrimitive()) {
                    failed.add(requirement.getAsString());
                }
            });
        }
        return Optional.of(new CatalogImage(
                image,
                serverType.get(),
                bool(object, "deprecated"),
                text(object, "check"),
                failed,
                bool(object, "checkOverridden")));
    }

    private static String text(JsonObject object, String key) {
        JsonElement element = object.get(key);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static boolean bool(JsonObject object, String key) {
        JsonElement element = object.get(key);
        return element != null
                && element.isJsonPrimitive()
                && element.getAsJsonPrimitive().isBoolean()
                && element.getAsBoolean();
    }
}
