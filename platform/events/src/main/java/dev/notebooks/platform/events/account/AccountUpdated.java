package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.Actor;

/** An account's email or username changed: the new values, and the previous ones. */
public record AccountUpdated(
        Actor actor, String userId, String email, String username, String previousEmail, String previousUsername)
        implements AccountData {

    public static final String TYPE = "account.updated.v1";
}
