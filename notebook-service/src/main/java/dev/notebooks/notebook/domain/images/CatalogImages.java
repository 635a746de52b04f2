package dev.notebooks.notebook.domain.images;

import dev.notebooks.notebook.domain.ImageReferences;
import dev.notebooks.platform.events.ServerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the image catalog says about images, as notebook-service reads it from the spawner ConfigMap on each request:
 * the catalog's images (deprecated ones too) with their checks, whether custom images are allowed, and from which
 * registries.
 *
 * @param allowCustomImage the spawner's {@code allowCustomImage} (Kubeflow ships {@code true})
 * @param allowedRegistries the registries custom images may come from; empty for any
 * @param defaults each server type's default image (the spawner group's {@code value})
 */
public record CatalogImages(
        boolean allowCustomImage,
        List<String> allowedRegistries,
        Map<String, CatalogImage> byReference,
        Map<ServerType, String> defaults) {

    public CatalogImages {
        allowedRegistries = allowedRegistries == null ? List.of() : List.copyOf(allowedRegistries);
        Map<String, CatalogImage> normalised = new LinkedHashMap<>();
        if (byReference != null) {
            byReference.values().forEach(image -> normalised.put(ImageReferences.normalised(image.image()), image));
        }
        byReference = Map.copyOf(normalised);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    public static CatalogImages of(
            boolean allowCustomImage,
            List<String> allowedRegistries,
            List<CatalogImage> images,
            Map<ServerType, String> defaults) {
        Map<String, CatalogImage> byReference = new LinkedHashMap<>();
        images.forEach(image -> byReference.put(image.image(), image));
        return new CatalogImages(allowCustomImage, allowedRegistries, byReference, defaults);
    }

    /** @return the catalog's entry for this reference, however it is spelt ({@code docker.io/library/x} is {@code x}) */
    public Optional<CatalogImage> find(String image) {
        if (image == null || image.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byReference.get(ImageReferences.normalised(image)));
    }

    public boolean allowsRegistry(String registry) {
        return allowedRegistries.isEmpty() || allowedRegistries.contains(registry);
    }

    public Optional<String> defaultImage(ServerType serverType) {
        return Optional.ofNullable(defaults.get(serverType)).filter(image -> !image.isBlank());
    }
}
