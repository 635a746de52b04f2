package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.List;
import java.util.Objects;

/**
 * A notebook's image, resources or volumes changed (an edit through the spawner API or kubectl); metering closes the
 * period at the old rate and opens one at the new. The top-level image, resources and volumes are the new ones.
 *
 * @param before what it had until now
 * @param running whether its server was running at the change (a running one restarts with it)
 */
public record NotebookUpdated(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes,
        Before before,
        boolean running)
        implements NotebookData {

    public static final String TYPE = "notebook.updated.v1";

    public NotebookUpdated {
        volumes = List.copyOf(volumes);
        Objects.requireNonNull(before, "before");
    }

    /** The image, resources and volumes before the change. */
    public record Before(String image, NotebookResources resources, List<String> volumes) {

        public Before {
            volumes = List.copyOf(volumes);
        }
    }
}
