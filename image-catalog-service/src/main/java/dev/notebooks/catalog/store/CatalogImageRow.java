package dev.notebooks.catalog.store;

import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ServerTypes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code catalog_image}; {@code tags} is a JSON array and {@code checkResult} JSON. */
@MappedEntity("catalog_image")
public record CatalogImageRow(
        @Id UUID id,
        String reference,
        String serverType,
        String displayName,
        @Nullable String description,
        @ColumnTransformer(write = "CAST(? AS jsonb)") String tags,
        boolean defaultImage,
        boolean deprecated,
        String addedBy,
        Instant addedAt,
        Instant updatedAt,
        @Nullable @ColumnTransformer(write = "CAST(? AS jsonb)") String checkResult,
        boolean checkOverridden) {

    public static CatalogImageRow of(ImageEntry image) {
        return new CatalogImageRow(
                image.id(),
                image.reference(),
                image.serverType().value(),
                image.displayName(),
                image.description(),
                CatalogJson.write(image.tags()),
                image.defaultImage(),
                image.deprecated(),
                image.addedBy(),
                image.addedAt(),
                image.updatedAt(),
                image.checkResult(),
                image.checkOverridden());
    }

    public ImageEntry toEntry() {
        return new ImageEntry(
                id,
                reference,
                ServerTypes.parse(serverType),
                displayName,
                description,
                CatalogJson.tags(tags),
                defaultImage,
                deprecated,
                addedBy,
                addedAt,
                updatedAt,
                checkResult,
                checkOverridden);
    }
}
