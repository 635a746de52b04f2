package dev.notebooks.catalog.domain;

import dev.notebooks.platform.events.ServerType;
import java.util.List;

/**
 * An image to add to the catalog, as the API validated it.
 *
 * @param reference as typed; the catalog parses and normalises it
 * @param description null for none
 * @param tags null or empty for none
 * @param defaultImage make it its server type's default (the previous default stops being one)
 * @param checkResult the image check's result as JSON; null when not checked
 * @param checkOverridden the check failed and the admin added it anyway (audited)
 */
public record NewImage(
        String reference,
        ServerType serverType,
        String displayName,
        String description,
        List<String> tags,
        boolean defaultImage,
        String checkResult,
        boolean checkOverridden) {

    public NewImage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An unchecked image with no description or tags, not the default. */
    public static NewImage of(String reference, ServerType serverType, String displayName) {
        return new NewImage(reference, serverType, displayName, null, List.of(), false, null, false);
    }
}
