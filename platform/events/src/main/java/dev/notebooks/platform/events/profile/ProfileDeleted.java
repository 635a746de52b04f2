package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** A profile was deleted, and with it its namespace and everything in it. */
public record ProfileDeleted(Actor actor, String name, ProfileSpec spec) implements EventData {

    public static final String TYPE = "profile.deleted.v1";
}
