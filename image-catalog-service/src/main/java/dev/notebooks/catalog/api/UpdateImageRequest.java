package dev.notebooks.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code PATCH /api/images/{id}}: only the fields given change.
 *
 * @param displayName what the spawner shows
 * @param description free text; empty or null clears it
 * @param tags the new tags, replacing the old
 * @param defaultImage true makes it its server type's default
 * @param deprecated true stops offering it (it stays runnable), false offers it again
 */
@Serdeable
public record UpdateImageRequest(
        @Nullable String displayName,
        @Nullable String description,
        @Nullable List<String> tags,
        @Nullable Boolean defaultImage,
        @Nullable Boolean deprecated) {}
