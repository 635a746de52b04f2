package dev.notebooks.platform.events.catalog;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;

/** A catalog image's reference, display name or default flag changed. */
public record CatalogImageUpdated(
        Actor actor,
        String id,
        String reference,
        ServerType serverType,
        String displayName,
        boolean defaultImage,
        boolean deprecated)
        implements CatalogImageData {

    public static final String TYPE = "catalog.image.updated.v1";
}
