package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.List;

/** A notebook's server is running (again); metering starts counting. */
public record NotebookStarted(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes)
        implements NotebookData {

    public static final String TYPE = "notebook.started.v1";

    public NotebookStarted {
        volumes = List.copyOf(volumes);
    }
}
