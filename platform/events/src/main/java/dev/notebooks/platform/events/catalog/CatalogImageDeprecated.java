package dev.notebooks.platform.events.catalog;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;

/** A catalog image was deprecated: notebooks using it keep running, the spawner no longer offers it. */
public record CatalogImageDeprecated(
        Actor actor,
        String id,
        String reference,
        ServerType serverType,
        String displayName,
        boolean defaultImage,
        boolean deprecated)
        implements CatalogImageData {

    public static final String TYPE = "catalog.image.deprecated.v1";
}
