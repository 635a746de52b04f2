package dev.notebooks.notebook.events;

import dev.notebooks.notebook.domain.Notebook;
import java.util.Optional;

/**
 * What the reconciler observed of a notebook in one pass.
 *
 * @param running {@link Running#YES} once its server is ready, {@link Running#STOPPED} while it carries the stop
 *     annotation, {@link Running#NOT_YET} in between (starting, or failing to)
 * @param failure why its server cannot run, when it cannot for a reason it will not get over by itself
 */
public record Observed(Notebook notebook, Running running, Optional<Failure> failure) {

    public enum Running {
        YES,
        NOT_YET,
        STOPPED
    }

    /** @param reason short, such as {@code ImagePullBackOff}; the message says the rest */
    public record Failure(String reason, String message) {}
}
