package dev.notebooks.platform.events.catalog;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;

/** An image was removed from the catalog. */
public record CatalogImageRemoved(
        Actor actor,
        String id,
        String reference,
        ServerType serverType,
        String displayName,
        boolean defaultImage,
        boolean deprecated)
        implements CatalogImageData {

    public static final String TYPE = "catalog.image.removed.v1";
}
