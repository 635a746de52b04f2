package dev.notebooks.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /api/images}.
 *
 * @param reference the image, {@code registry/repository:tag} or {@code @digest}
 * @param serverType {@code jupyter}, {@code vscode} or {@code rstudio}
 * @param displayName what the spawner shows
 * @param description free text
 * @param tags such as {@code cpu}, {@code cuda}, {@code pytorch}
 * @param defaultImage make it its server type's default
 * @param overrideCheck add it even when its image check fails (audited)
 */
@Serdeable
public record AddImageRequest(
        String reference,
        String serverType,
        String displayName,
        @Nullable String description,
        @Nullable List<String> tags,
        @Nullable Boolean defaultImage,
        @Nullable Boolean overrideCheck) {}
