package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** A user was given a role in a profile. */
public record ProfileContributorAdded(Actor actor, String profile, String user, ContributorRole role)
        implements EventData {

    public static final String TYPE = "profile.contributor-added.v1";
}
