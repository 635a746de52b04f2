package dev.notebooks.catalog.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code notebook_image}.
 *
 * @param notebook {@code namespace/name}
 * @param image the notebook's image reference, normalised when it parses
 * @param present false once the notebook was deleted
 * @param observedAt the time of the event that said so
 */
@MappedEntity("notebook_image")
public record NotebookImageRow(@Id String notebook, String image, boolean present, Instant observedAt) {}
