package dev.notebooks.platform.events.profile;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;

/** A user's role in a profile was taken away. */
public record ProfileContributorRemoved(Actor actor, String profile, String user, ContributorRole role)
        implements EventData {

    public static final String TYPE = "profile.contributor-removed.v1";
}
