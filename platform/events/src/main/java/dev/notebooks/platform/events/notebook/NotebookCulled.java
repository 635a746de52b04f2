package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.time.Instant;
import java.util.List;

/**
 * The idle culler stopped a notebook; metering stops counting.
 *
 * @param reason why, such as {@code "idle for 1440 minutes"}
 * @param lastActivity the server's last activity, the start of the idle time
 */
public record NotebookCulled(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes,
        String reason,
        Instant lastActivity)
        implements NotebookData {

    public static final String TYPE = "notebook.culled.v1";

    public NotebookCulled {
        volumes = List.copyOf(volumes);
    }
}
