package dev.notebooks.catalog.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the catalog's history.
 *
 * @param seq the history's order
 * @param imageId the image changed
 * @param action what was done
 * @param actor who did it (the user, or the service for the seed)
 * @param via {@code api}, {@code controller} (the seed)
 * @param time when
 * @param before the image before the change (an {@link ImageEntry} as JSON); null when added
 * @param after the image after the change (an {@link ImageEntry} as JSON); null when removed
 */
public record CatalogChange(
        long seq,
        UUID imageId,
        ChangeAction action,
        String actor,
        String via,
        Instant time,
        String before,
        String after) {}
