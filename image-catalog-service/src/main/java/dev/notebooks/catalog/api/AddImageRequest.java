package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.domain.ServerTypes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /api/images}.
 *
 * @param image the image, {@code registry/repository:tag} or {@code @digest} ({@code reference} is read as an alias
 *     for one release)
 * @param serverType {@code jupyter}, {@code vscode} or {@code rstudio}
 * @param displayName what the spawner shows
 * @param description free text
 * @param tags such as {@code cpu}, {@code cuda}, {@code pytorch}
 * @param defaultImage make it its server type's default
 * @param overrideCheck add it even when its image check fails (audited)
 */
@Serdeable
public record AddImageRequest(
        String image,
        String serverType,
        String displayName,
        @Nullable String description,
        @Nullable List<String> tags,
        @Nullable Boolean defaultImage,
        @Nullable Boolean overrideCheck) {

    NewImage toNewImage() {
        return new NewImage(
                image,
                ServerTypes.parse(serverType),
                displayName,
                description,
                tags,
                Boolean.TRUE.equals(defaultImage),
                null,
                false);
    }

    boolean overridesCheck() {
        return Boolean.TRUE.equals(overrideCheck);
    }
}
