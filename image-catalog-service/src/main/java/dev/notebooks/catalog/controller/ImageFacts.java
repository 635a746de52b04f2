package dev.notebooks.catalog.controller;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.catalog.domain.ImageEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What notebook-service needs to accept or refuse an image, published beside the spawner YAML in the same ConfigMap
 * (key {@value #KEY}): every image of the catalog, deprecated ones too, with its server type and the image check's
 * outcome, and the registries custom images may come from. JWA mounts the ConfigMap and ignores the extra file.
 *
 * <pre>{@code
 * {"allowedRegistries": [],
 *  "images": [{"image": "...", "serverType": "jupyter", "deprecated": false,
 *              "check": "pass|fail|unknown|unchecked", "failed": ["port-8888"], "checkOverridden": false}]}
 * }</pre>
 *
 * The text is deterministic (images by server type, then reference), so equal text means nothing to write.
 */
final class ImageFacts {

    static final String KEY = "image_catalog.json";
    static final String UNCHECKED = "unchecked";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ImageFacts() {}

    static String text(List<ImageEntry> catalog, List<String> allowedRegistries) {
        JsonObject document = new JsonObject();
        JsonArray registries = new JsonArray();
        allowedRegistries.forEach(registries::add);
        document.add("allowedRegistries", registries);
        JsonArray images = new JsonArray();
        catalog.stream()
                .sorted(Comparator.comparing(
                                (ImageEntry entry) -> entry.serverType().value())
                        .thenComparing(ImageEntry::reference))
                .forEach(entry -> images.add(image(entry)));
        document.add("images", images);
        return GSON.toJson(document) + "\n";
    }

    private static JsonObject image(ImageEntry entry) {
        JsonObject image = new JsonObject();
        image.addProperty("image", entry.reference());
        image.addProperty("serverType", entry.serverType().value());
        image.addProperty("deprecated", entry.deprecated());
        JsonObject check = checkOf(entry.checkResult());
        image.addProperty("check", status(check));
        JsonArray failed = new JsonArray();
        if (check != null && check.get("requirements") instanceof JsonArray requirements) {
            for (JsonElement requirement : requirements) {
                if (requirement instanceof JsonObject object
                        && "fail".equals(lower(object.get("status")))
                        && object.get("requirement") != null) {
                    failed.add(object.get("requirement").getAsString());
                }
            }
        }
        image.add("failed", failed);
        image.addProperty("checkOverridden", entry.checkOverridden());
        return image;
    }

    private static JsonObject checkOf(String checkResult) {
        if (checkResult == null || checkResult.isBlank()) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(checkResult);
            return parsed instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String status(JsonObject check) {
        String status = check == null ? null : lower(check.get("status"));
        return status == null || status.isEmpty() ? UNCHECKED : status;
    }

    private static String lower(JsonElement element) {
        return element == null || !element.isJsonPrimitive()
                ? null
                : element.getAsString().toLowerCase(Locale.ROOT);
    }
}
