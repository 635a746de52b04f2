package dev.notebooks.platform.outbox.testapp;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** The test app's event: the {@code sequence}-th change of the resource {@code key}. */
public record ChangeMade(Actor actor, String key, int sequence) implements EventData {

    /** Published to the notebooks topic, as its type starts with {@code notebook.}. */
    public static final String TYPE = "notebook.test-changed.v1";
}
