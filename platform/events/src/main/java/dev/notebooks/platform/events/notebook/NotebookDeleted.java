package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.List;

/** A notebook was deleted; metering stops counting if it was running. */
public record NotebookDeleted(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes)
        implements NotebookData {

    public static final String TYPE = "notebook.deleted.v1";

    public NotebookDeleted {
        volumes = List.copyOf(volumes);
    }
}
