package dev.notebooks.catalog.domain;

import dev.notebooks.platform.events.ServerType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's part of Kubeflow's {@code spawnerFormDefaults}: {@code image} (Jupyter), {@code imageGroupOne} (VS
 * Code), {@code imageGroupTwo} (RStudio), and the custom image and display switches.
 */
public record SpawnerFormDefaults(
        ImageGroup image,
        ImageGroup imageGroupOne,
        ImageGroup imageGroupTwo,
        boolean allowCustomImage,
        boolean hideRegistry,
        boolean hideTag) {

    public static final String IMAGE = "image";
    public static final String IMAGE_GROUP_ONE = "imageGroupOne";
    public static final String IMAGE_GROUP_TWO = "imageGroupTwo";
    public static final String ALLOW_CUSTOM_IMAGE = "allowCustomImage";
    public static final String HIDE_REGISTRY = "hideRegistry";
    public static final String HIDE_TAG = "hideTag";

    /** The dropdowns offer the images that are not deprecated, the default first, then by reference. */
    public static SpawnerFormDefaults of(
            List<ImageEntry> catalog, boolean allowCustomImage, boolean hideRegistry, boolean hideTag) {
        return new SpawnerFormDefaults(
                group(catalog, ServerType.JUPYTER),
                group(catalog, ServerType.VSCODE),
                group(catalog, ServerType.RSTUDIO),
                allowCustomImage,
                hideRegistry,
                hideTag);
    }

    private static ImageGroup group(List<ImageEntry> catalog, ServerType serverType) {
        List<ImageEntry> offered = catalog.stream()
                .filter(entry -> entry.serverType() == serverType && !entry.deprecated())
                .sorted(Comparator.comparing((ImageEntry entry) -> !entry.defaultImage())
                        .thenComparing(ImageEntry::reference))
                .toList();
        String value = offered.stream()
                .filter(ImageEntry::defaultImage)
                .map(ImageEntry::reference)
                .findFirst()
                .orElse("");
        return new ImageGroup(value, offered.stream().map(ImageEntry::reference).toList());
    }

    /** @return the keys this document owns in {@code spawnerFormDefaults}, in Kubeflow's order */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(ALLOW_CUSTOM_IMAGE, allowCustomImage);
        map.put(HIDE_REGISTRY, hideRegistry);
        map.put(HIDE_TAG, hideTag);
        map.put(IMAGE, image.asMap());
        map.put(IMAGE_GROUP_ONE, imageGroupOne.asMap());
        map.put(IMAGE_GROUP_TWO, imageGroupTwo.asMap());
        return map;
    }
}
