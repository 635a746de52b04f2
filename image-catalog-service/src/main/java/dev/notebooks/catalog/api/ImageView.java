package dev.notebooks.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An image of the catalog as the API shows it.
 *
 * @param serverType {@code jupyter}, {@code vscode} or {@code rstudio}
 * @param check the image check's result when the image was added ({@code ImageCheckResult}); null for the seed
 * @param serverType {@code jupyter}, {@code vscode} or {@code rstudio}
 * @param checkOverridden whether an admin added it although the check failed
 */
@Serdeable
public record ImageView(
        UUID id,
        String reference,
        String serverType,
        String displayName,
        @Nullable String description,
        List<String> tags,
        boolean defaultImage,
        boolean deprecated,
        String addedBy,
        Instant addedAt,
        Instant updatedAt,
        @Nullable JsonNode check,
        boolean checkOverridden) {}
