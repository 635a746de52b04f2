package dev.notebooks.platform.events.notebook;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.List;

/**
 * A notebook's server cannot run, for a reason it will not get over by itself (an image that cannot be pulled, a pod
 * no node can take, a quota refusal, conflicting PodDefaults). Announced once per failure; a later start announces
 * {@code notebook.started.v1}.
 *
 * @param reason a short reason, such as {@code ImagePullBackOff}, {@code Unschedulable}, {@code QuotaExceeded},
 *     {@code PodDefaultConflict}
 * @param message what a user needs to know, such as {@code 0/1 nodes are available: 1 Insufficient nvidia.com/gpu}
 */
public record NotebookFailed(
        Actor actor,
        String namespace,
        String name,
        String image,
        ServerType serverType,
        NotebookResources resources,
        List<String> volumes,
        String reason,
        String message)
        implements NotebookData {

    public static final String TYPE = "notebook.failed.v1";

    public NotebookFailed {
        volumes = List.copyOf(volumes);
    }
}
