package dev.notebooks.catalog.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code catalog_change}: one change of one image, with the image before and after as JSON. */
@MappedEntity("catalog_change")
public record CatalogChangeRow(
        @Id @GeneratedValue @Nullable Long seq,
        UUID imageId,
        String action,
        String actor,
        String via,
        Instant changedAt,
        @Nullable @ColumnTransformer(write = "CAST(? AS jsonb)") String before,
        @Nullable @ColumnTransformer(write = "CAST(? AS jsonb)") String after) {}
