package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/**
 * The profile's reconciler could not make what the profile needs.
 *
 * @param reason a CamelCase reason, as in the profile's {@code Ready} condition
 * @param message what went wrong, for a human
 */
public record ProfileFailed(Actor actor, String name, String reason, String message) implements EventData {

    public static final String TYPE = "profile.failed.v1";
}
