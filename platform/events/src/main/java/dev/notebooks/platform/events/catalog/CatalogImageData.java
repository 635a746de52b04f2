package dev.notebooks.platform.events.catalog;

import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.ServerType;

/** What every catalog event says about the image, as it is after the change. */
public interface CatalogImageData extends EventData {

    /** The catalog's id of the image; the events' subject. */
    String id();

    /** The image reference, such as {@code kubeflownotebookswg/jupyter-scipy:v1.10.0}. */
    String reference();

    ServerType serverType();

    String displayName();

    /** Whether the spawner preselects it for its server type. */
    boolean defaultImage();

    /** Whether it is deprecated: still accepted, no longer offered. */
    boolean deprecated();
}
