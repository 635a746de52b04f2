package dev.notebooks.platform.events;

/** The {@code data} of a platform event: every event type's payload record implements it. */
public interface EventData {

    Actor actor();
}
