package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** A profile was created; its namespace of the same name follows (see {@link ProfileReady}). */
public record ProfileCreated(Actor actor, String name, ProfileSpec spec) implements EventData {

    public static final String TYPE = "profile.created.v1";
}
