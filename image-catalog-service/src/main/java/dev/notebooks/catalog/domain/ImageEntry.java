package dev.notebooks.catalog.domain;

import dev.notebooks.platform.events.ServerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One image of the catalog.
 *
 * @param reference the normalised image reference ({@link ImageReference#toString()})
 * @param description free text; null when none
 * @param tags labels such as {@code cpu}, {@code cuda}, {@code pytorch}, in the order given
 * @param defaultImage whether the spawner preselects it for its server type; exactly one per server type
 * @param deprecated still runnable, no longer offered by the spawner
 * @param addedBy the user who added it (the seed's images: the service)
 * @param checkResult the image check's result as JSON, as the check reported it when the image was added; null when
 *     not checked (the seed)
 * @param checkOverridden whether it was added although its check failed
 */
public record ImageEntry(
        UUID id,
        String reference,
        ServerType serverType,
        String displayName,
        String description,
        List<String> tags,
        boolean defaultImage,
        boolean deprecated,
        String addedBy,
        Instant addedAt,
        Instant updatedAt,
        String checkResult,
        boolean checkOverridden) {

    public ImageEntry {
        tags = List.copyOf(tags);
    }

    public ImageEntry withDefault(boolean isDefault, Instant when) {
        return new ImageEntry(
                id,
                reference,
                serverType,
                displayName,
                description,
                tags,
                isDefault,
                deprecated,
                addedBy,
                addedAt,
                when,
                checkResult,
                checkOverridden);
    }

    public ImageEntry withUpdatedAt(Instant when) {
        return new ImageEntry(
                id,
                reference,
                serverType,
                displayName,
                description,
                tags,
                defaultImage,
                deprecated,
                addedBy,
                addedAt,
                when,
                checkResult,
                checkOverridden);
    }
}
