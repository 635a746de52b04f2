package dev.notebooks.notebook.domain.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's image check as the spawner API shows it beside an image (the list's {@code imageCheck}, the config's
 * {@code imageChecks}).
 *
 * @param status {@code pass}, {@code fail}, {@code unknown} or {@code unchecked}; {@code unchecked} for a custom image
 * @param source {@code catalog}, or {@code custom} for an image the catalog does not have
 * @param overriddenBy who overrode a failed check: {@code catalog} when an admin added it so, else the admin named on
 *     the notebook; null when not overridden
 */
public record ImageCheckView(
        String status, String source, boolean deprecated, List<String> failed, String overriddenBy, String message) {

    public static final String CATALOG = "catalog";
    public static final String CUSTOM = "custom";

    /** @param overriddenByOnNotebook the admin in the notebook's override annotation; null when none */
    public static ImageCheckView of(CatalogImages catalog, String image, String overriddenByOnNotebook) {
        return catalog.find(image)
                .map(entry -> ofCatalog(entry, overriddenByOnNotebook))
                .orElseGet(() -> new ImageCheckView(
                        CatalogImage.UNCHECKED,
                        CUSTOM,
                        false,
                        List.of(),
                        null,
                        "a custom image: the catalog has not checked it"));
    }

    public static ImageCheckView ofCatalog(CatalogImage entry, String overriddenByOnNotebook) {
        String overriddenBy = !entry.knownFailure() ? null : entry.checkOverridden() ? CATALOG : overriddenByOnNotebook;
        String message =
                switch (entry.check()) {
                    case CatalogImage.PASS -> "meets Kubeflow's notebook image requirements";
                    case CatalogImage.FAIL ->
                        "fails " + String.join(", ", entry.failed())
                                + (overriddenBy == null ? "" : "; overridden by " + overriddenBy);
                    case CatalogImage.UNKNOWN -> "the check could not verify every requirement";
                    default -> "not checked by the catalog";
                };
        if (entry.deprecated()) {
            message = "deprecated; " + message;
        }
        return new ImageCheckView(entry.check(), CATALOG, entry.deprecated(), entry.failed(), overriddenBy, message);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status);
        map.put("source", source);
        map.put("deprecated", deprecated);
        map.put("failed", failed);
        map.put("overriddenBy", overriddenBy);
        map.put("message", message);
        return map;
    }
}
