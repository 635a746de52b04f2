package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** The profile's reconciler made its namespace, service accounts, role bindings and quota. */
public record ProfileReady(Actor actor, String name, String namespace) implements EventData {

    public static final String TYPE = "profile.ready.v1";
}
