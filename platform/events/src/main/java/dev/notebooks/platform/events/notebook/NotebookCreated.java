package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.List;

/** A notebook was created (it starts unless created stopped). */
public record NotebookCreated(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes)
        implements NotebookData {

    public static final String TYPE = "notebook.created.v1";

    public NotebookCreated {
        volumes = List.copyOf(volumes);
    }
}
