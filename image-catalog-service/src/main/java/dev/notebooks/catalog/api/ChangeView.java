package dev.notebooks.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of the catalog's history.
 *
 * @param action {@code add}, {@code edit}, {@code default}, {@code deprecate} or {@code remove}
 * @param via {@code api}, or {@code controller} for the seed
 * @param before the image before the change; null when added
 * @param after the image after the change; null when removed
 */
@Serdeable
public record ChangeView(
        long seq,
        UUID imageId,
        String action,
        String actor,
        String via,
        Instant time,
        @Nullable JsonNode before,
        @Nullable JsonNode after) {}
