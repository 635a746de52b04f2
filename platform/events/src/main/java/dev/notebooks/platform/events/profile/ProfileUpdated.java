package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** A profile's owner, quota or plugins changed. */
public record ProfileUpdated(Actor actor, String name, ProfileSpec before, ProfileSpec after) implements EventData {

    public static final String TYPE = "profile.updated.v1";
}
