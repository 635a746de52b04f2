package dev.notebooks.notebook.domain.images;

import dev.notebooks.notebook.domain.ImageReferences;
import dev.notebooks.notebook.domain.Violation;
import dev.notebooks.platform.events.ServerType;
import java.util.List;
import java.util.Optional;

/**
 * Whether a notebook may run an image, by the catalog: a catalog image of the notebook's server type that is not
 * deprecated, or a custom image when the spawner allows custom images and from an allowed registry. An image whose
 * check is a known failure is refused unless a cluster admin overrode it, either when adding it to the catalog
 * ({@code checkOverridden}) or for this notebook ({@code overrideCheck}).
 */
public final class ImageAdmission {

    private ImageAdmission() {}

    /**
     * @param field the request's field that named the image ({@code image} or {@code customImage})
     * @param override a cluster admin's {@code overrideCheck: true} (who may send it is the caller's concern)
     * @return the refusals, each naming {@code field}; empty when the image is admitted
     */
    public static List<Violation> admit(
            CatalogImages catalog, ServerType serverType, String field, String image, boolean override) {
        Optional<CatalogImage> known = catalog.find(image);
        if (known.isPresent()) {
            CatalogImage entry = known.get();
            if (entry.serverType() != serverType) {
                return List.of(new Violation(
                        field,
                        image + " is the catalog's " + entry.serverType().value() + " image; this notebook is a "
                                + serverType.value() + " server"));
            }
            if (entry.deprecated()) {
                return List.of(new Violation(
                        field,
                        image + " is deprecated in the image catalog; choose one of the images the spawner offers"));
            }
            if (entry.knownFailure() && !entry.checkOverridden() && !override) {
                return List.of(new Violation(
                        field,
                        image + " failed the image check (" + String.join(", ", entry.failed())
                                + "); only a cluster admin can override that (overrideCheck: true)"));
            }
            return List.of();
        }
        if (!catalog.allowCustomImage()) {
            return List.of(new Violation(
                    field,
                    image + " is not in the image catalog, and the spawner does not allow custom images"
                            + " (allowCustomImage: false)"));
        }
        String registry = ImageReferences.registry(image.strip());
        if (!catalog.allowsRegistry(registry)) {
            return List.of(new Violation(
                    field,
                    "custom images may come from " + String.join(", ", catalog.allowedRegistries()) + ", not "
                            + registry));
        }
        return List.of();
    }

    /** Whether {@code overrideCheck} changes anything for this image: a known failure no admin has overridden yet. */
    public static boolean needsOverride(CatalogImages catalog, String image) {
        return catalog.find(image)
                .map(entry -> entry.knownFailure() && !entry.checkOverridden())
                .orElse(false);
    }
}
