package dev.notebooks.notebook.domain.images;

import dev.notebooks.platform.events.ServerType;
import java.util.List;

/**
 * One image of image-catalog-service's catalog, as it publishes it for admission.
 *
 * @param image the reference in the catalog's short form (see {@code ImageReferences.normalised})
 * @param check the catalog's image check: {@code pass}, {@code fail}, {@code unknown} (the image could not be read, or
 *     a requirement cannot be verified from its config), or {@code unchecked} (never checked, such as the seed)
 * @param failed the requirements the check found unmet, such as {@code user-1000}
 * @param checkOverridden an admin added it to the catalog although its check failed
 */
public record CatalogImage(
        String image,
        ServerType serverType,
        boolean deprecated,
        String check,
        List<String> failed,
        boolean checkOverridden) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String UNKNOWN = "unknown";
    public static final String UNCHECKED = "unchecked";

    public CatalogImage {
        failed = failed == null ? List.of() : List.copyOf(failed);
        check = check == null || check.isBlank() ? UNCHECKED : check;
    }

    public boolean knownFailure() {
        return FAIL.equals(check);
    }
}
