package dev.notebooks.platform.events.catalog;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.ServerType;

/**
 * The image the spawner preselects for a server type changed. The subject is the server type, so the default's
 * changes stay in order; the previous image is absent when the server type had no default.
 */
public record CatalogDefaultChanged(
        Actor actor,
        ServerType serverType,
        String previousImageId,
        String previousReference,
        String imageId,
        String reference)
        implements EventData {

    public static final String TYPE = "catalog.default.changed.v1";
}
