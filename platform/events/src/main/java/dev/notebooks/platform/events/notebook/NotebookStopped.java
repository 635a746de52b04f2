package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.time.Instant;
import java.util.List;

/**
 * A notebook was stopped (scaled to zero, its volumes kept); metering stops counting.
 *
 * @param reason why, for people reading the audit trail, such as {@code "stopped by user"}
 * @param lastActivity the server's last recorded activity, or null when unknown
 */
public record NotebookStopped(
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

    public static final String TYPE = "notebook.stopped.v1";

    public NotebookStopped {
        volumes = List.copyOf(volumes);
    }
}
